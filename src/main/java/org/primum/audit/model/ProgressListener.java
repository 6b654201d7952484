package org.primum.audit.model;

/**
 * Told how an audit advances; called from the audit's threads (implementations must be thread-safe and
 * quick). Reading comes first (the input is partitioned by patient), then judging, patient by patient.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** Input read so far: lines (NDJSON lines or Bundle entries) and bytes of the {@code totalBytes} to read. */
    default void reading(long lines, long bytesRead, long totalBytes) {
    }

    /** {@code done} patients judged of {@code total} (total as counted while reading). */
    default void judging(long done, long total) {
    }
}
