package org.primum.audit.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of the decision log: an evaluation by an entry point, without the patient's identity.
 *
 * @param id            0 until stored
 * @param patientHash   salted SHA-256 of {@code Patient/<id>} (hex)
 * @param inputDigest   SHA-256 of the input as received (hex)
 * @param codes         the recommendation codes fired, most urgent first
 * @param factsJson     the record as mapped, as JSON, the patient named by its hash
 * @param rawFhir       the input itself, when the log is configured to keep it; else null
 */
public record Decision(long id, OffsetDateTime recordedAt, String origin, String patientHash, LocalDate asOf,
                       String knowledgeBaseVersion, String inputDigest, List<String> codes, String factsJson, String rawFhir) {
    public Decision {
        codes = List.copyOf(codes);
    }
}
