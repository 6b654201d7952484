package org.primum.audit.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of {@code audit_job}: a cohort audit submitted by {@code POST /audit}.
 *
 * @param inputPath the upload on disk (deleted when the job completes, fails for good, is deleted or expires)
 * @param attempts  how many times a runner started it (a restart makes it 2…)
 * @param error     why it failed (written by the service, never patient data)
 * @param result    the audit's JSON once completed
 */
public record AuditJob(String id, State state, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime heartbeatAt,
                       OffsetDateTime expiresAt, LocalDate asOf, String inputPath, long inputBytes, String progress,
                       int attempts, String error, String result) {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }
}
