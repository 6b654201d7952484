package org.primum.facts;

import java.util.List;

/** Something the mapping assumed or could not read, said in the answer (e.g. an undated metastasis taken as de novo). */
public record MappingNote(String topic, String text, List<String> sourceIds) {
}
