package org.primum.tumourboard.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where reports are kept and for how long ({@code primum.report.*}). */
@ConfigMapping(prefix = "primum.report")
public interface ReportConfig {

    /** Folder of the report files; instances sharing it serve each other's links. */
    @WithDefault("data/reports")
    String dir();

    /** How long a report is served after it was made. */
    @WithDefault("24h")
    Duration ttl();

    /** The service's public URL (without path) for absolute report links behind a proxy; unset: the request's. */
    Optional<String> publicBaseUrl();

    /**
     * Build and write a CDS Hooks call's report only when its link is first followed (the evaluation kept in memory
     * until then, {@link PendingReports}); false: on every call, as the tumour-board report endpoint does. Several
     * instances behind a balancer without affinity need false (the kept evaluations are per instance).
     */
    @WithDefault("true")
    boolean lazy();

    /** At most this many evaluations wait in memory for their report link to be followed; the oldest go first. */
    @WithDefault("1000")
    int pendingMax();

    /** How often expired reports are deleted. */
    @WithDefault("15m")
    Duration sweepInterval();
}
