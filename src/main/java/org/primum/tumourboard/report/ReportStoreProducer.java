package org.primum.tumourboard.report;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service's {@link ReportStore} ({@code primum.report.dir}, default {@code data/reports};
 * {@code primum.report.ttl}, default 24h) and its periodic sweep ({@code primum.report.sweep-interval},
 * default 15m) on one daemon thread. Every instance sweeps; deleting a file twice is harmless. Also the
 * {@link PendingReports} of CDS Hooks links ({@code primum.report.pending-max}), swept on the same thread.
 */
@Singleton
public class ReportStoreProducer {

    private static final Logger LOG = Logger.getLogger(ReportStoreProducer.class);

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-sweep");
        t.setDaemon(true);
        return t;
    });

    @Produces
    @Singleton
    ReportStore store(ReportConfig config) {
        ReportStore store = new ReportStore(Path.of(config.dir()), config.ttl(), Clock.systemUTC());
        long every = Math.max(1, config.sweepInterval().toSeconds());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                int deleted = store.sweep();
                if (deleted > 0) LOG.debugf("report sweep: %d expired files deleted", deleted);
            } catch (RuntimeException e) {
                LOG.warnf("report sweep failed: %s", e.getClass().getSimpleName());
            }
        }, 0, every, TimeUnit.SECONDS);
        return store;
    }

    @Produces
    @Singleton
    PendingReports pending(ReportStore store, ReportConfig config) {
        PendingReports pending = new PendingReports(store, Clock.systemUTC(), config.pendingMax());
        long every = Math.max(1, config.sweepInterval().toSeconds());
        sweeper.scheduleWithFixedDelay(pending::sweep, every, every, TimeUnit.SECONDS);
        return pending;
    }

    void stop(@Observes ShutdownEvent event) {
        sweeper.shutdownNow();
    }
}
