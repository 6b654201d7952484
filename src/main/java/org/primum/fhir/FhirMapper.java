package org.primum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.ClinicalRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * FHIR R4 resources → {@link ClinicalRecord}. Thread-safe; recognises codes only through {@link Terminology}.
 */
public final class FhirMapper {
    private final Terminology terminology;

    public FhirMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    /** A Bundle of any type (collection, transaction, batch, searchset, document); exactly one Patient is required. */
    public ClinicalRecord map(Bundle bundle, LocalDate asOf) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * Loose resources (CDS Hooks prefetch, draft orders, resources fetched from a FHIR server) for the
     * patient {@code patientId}; Bundles among them are flattened.
     */
    public ClinicalRecord map(List<? extends Resource> resources, String patientId, LocalDate asOf) {
        throw new UnsupportedOperationException("being written");
    }
}
