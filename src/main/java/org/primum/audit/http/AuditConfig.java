package org.primum.audit.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code primum.audit.*}: cohort audit jobs (see application.properties). */
@ConfigMapping(prefix = "primum.audit")
public interface AuditConfig {

    /** Folder the uploads are streamed to, one file per job, kept until the job is deleted or expires. */
    @WithDefault("data/audit")
    String workDir();

    /** Largest upload accepted by {@code POST /audit}, in bytes (default 1 GB); the evaluate endpoints' limit does not apply. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** How long a job and its result are kept after it was submitted (ISO-8601, e.g. P30D). */
    @WithDefault("P30D")
    Duration retention();

    /** A running job whose heartbeat is older than this is taken to have lost its runner (a restart) and is resumed. */
    @WithDefault("PT1M")
    Duration staleAfter();
}
