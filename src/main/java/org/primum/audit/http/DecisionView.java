package org.primum.audit.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.primum.audit.store.Decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A logged decision as {@code GET /audit/decisions} lists it: the facts as JSON, never the raw FHIR. */
public record DecisionView(long id, OffsetDateTime recordedAt, String origin, String patientHash, LocalDate asOf,
                           String knowledgeBaseVersion, String inputDigest, List<String> codes, @JsonRawValue String facts,
                           boolean rawFhirLogged) {

    static DecisionView of(Decision d) {
        return new DecisionView(d.id(), d.recordedAt(), d.origin(), d.patientHash(), d.asOf(), d.knowledgeBaseVersion(),
                d.inputDigest(), d.codes(), d.factsJson(), d.rawFhir() != null);
    }
}
