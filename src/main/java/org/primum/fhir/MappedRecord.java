package org.primum.fhir;

import org.primum.facts.ClinicalRecord;

import java.util.List;

/**
 * FHIR JSON read and mapped: the record, what the parser tolerated (e.g. {@code unknown element 'x' ignored};
 * element names only, never values) and how many resources were read.
 */
public record MappedRecord(ClinicalRecord record, List<String> warnings, int resourceCount) {
    public MappedRecord {
        warnings = List.copyOf(warnings);
    }
}
