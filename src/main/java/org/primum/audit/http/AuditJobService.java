package org.primum.audit.http;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.audit.store.AuditJobStore;
import org.primum.audit.store.FeedbackAudit;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The service's {@link AuditJobs}, started at start-up (so that jobs interrupted by the last stop are resumed
 * without waiting for a request), on the one {@link AuditRunner} bean; empty when the build has none.
 */
@Singleton
@Startup
public class AuditJobService {

    private static final Logger LOG = Logger.getLogger(AuditJobService.class);

    private final DataSource dataSource;
    private final Instance<AuditRunner> runner;
    private final AuditConfig config;
    private AuditJobs jobs;

    public AuditJobService(DataSource dataSource, Instance<AuditRunner> runner, AuditConfig config) {
        this.dataSource = dataSource;
        this.runner = runner;
        this.config = config;
    }

    @PostConstruct
    void start() {
        if (!runner.isResolvable()) {
            LOG.warn("no audit engine in this build: POST /audit answers 501");
            return;
        }
        jobs = new AuditJobs(new AuditJobStore(dataSource), runner.get(), new FeedbackAudit(dataSource), Path.of(config.workDir()),
                config.retention(), config.staleAfter(), Clock.systemUTC()).start();
    }

    public Optional<AuditJobs> jobs() {
        return Optional.ofNullable(jobs);
    }

    public long maxUploadBytes() {
        return config.maxUploadBytes();
    }

    @PreDestroy
    void stop() {
        if (jobs != null) jobs.close();
    }
}
