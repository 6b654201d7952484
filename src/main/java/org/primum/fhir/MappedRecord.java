package org.primum.fhir;

import org.primum.facts.ClinicalRecord;
import org.primum.facts.InvalidElement;

import java.util.List;

/**
 * FHIR JSON read and mapped: the record, what the parser tolerated (e.g. {@code unknown element 'x' ignored};
 * element names only, never values), how many resources were read, and what lenient reading left out
 * (located in the whole input).
 */
public record MappedRecord(ClinicalRecord record, List<String> warnings, int resourceCount, List<InvalidElement> leftOut) {
    public MappedRecord {
        warnings = List.copyOf(warnings);
        leftOut = List.copyOf(leftOut);
    }
}
