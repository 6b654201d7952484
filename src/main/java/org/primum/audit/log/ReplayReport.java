package org.primum.audit.log;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code POST /audit/replay} answers: how many logged decisions were evaluated again under
 * {@code knowledgeBaseVersion}, and each one whose codes would change, with how.
 */
public record ReplayReport(String knowledgeBaseVersion, int replayed, int unchanged, List<Change> changed, List<Failure> failed) {

    /**
     * One decision whose answer differs today.
     *
     * @param basis {@code raw-fhir} (the logged input read and mapped again) or {@code facts} (the logged
     *              mapped record: today's definitions and rules only)
     */
    public record Change(long id, OffsetDateTime recordedAt, String origin, LocalDate asOf, String basis,
                         String oldKnowledgeBaseVersion, String newKnowledgeBaseVersion,
                         List<String> oldCodes, List<String> newCodes, List<String> added, List<String> removed) {
    }

    /** A decision that could not be evaluated again (e.g. facts logged by a version whose facts no longer read). */
    public record Failure(long id, String reason) {
    }
}
