package org.primum.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How an audit runs.
 *
 * @param asOf        the audit's date: acts after it are not judged, and scope (de novo, recurrent…) is
 *                    decided on the record as it stands on it
 * @param workDir     where the temporary bucket and result files go (deleted when the report is closed);
 *                    null: the system's temporary folder
 * @param threads     patients judged in parallel (buckets, not patients, are the unit of work)
 * @param bucketBytes target size of one bucket of input lines: the most the audit holds in memory per
 *                    thread, as raw JSON, at any time
 */
public record AuditOptions(LocalDate asOf, Path workDir, int threads, long bucketBytes) {

    public static final long DEFAULT_BUCKET_BYTES = 8L << 20;

    public AuditOptions {
        Objects.requireNonNull(asOf, "asOf");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (bucketBytes < 1) throw new IllegalArgumentException("bucketBytes must be positive");
    }

    /** On {@code asOf}, in the system's temporary folder, one thread per core, 8 MB buckets. */
    public static AuditOptions defaults(LocalDate asOf) {
        return new AuditOptions(asOf, null, Runtime.getRuntime().availableProcessors(), DEFAULT_BUCKET_BYTES);
    }

    public AuditOptions withWorkDir(Path dir) {
        return new AuditOptions(asOf, dir, threads, bucketBytes);
    }

    public AuditOptions withThreads(int n) {
        return new AuditOptions(asOf, workDir, n, bucketBytes);
    }

    public AuditOptions withBucketBytes(long bytes) {
        return new AuditOptions(asOf, workDir, threads, bytes);
    }
}
