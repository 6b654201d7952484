package org.primum.audit.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Flyway migration of the shared schema (decision log, audit jobs, CDS Hooks feedback and token ids), run on a
 * background thread as the service starts instead of before it: the tumour board needs no database (issue 15), so
 * its first answer does not wait for Flyway, Agroal and H2 (about a second of a cold start). Everything that uses the
 * database gets it through {@link MigratedDataSource}, whose connections wait here for the migration; a failed
 * migration is logged as an ERROR and makes them throw {@link DatabaseUnavailableException} (503), while the
 * tumour board goes on answering. A failed migration is tried again by the first connection asked for once
 * {@code primum.database.migration-retry} has passed: a database that was slow or down at start-up (a connection
 * timing out on a loaded machine, a server still starting) no longer leaves the instance answering 503 until a restart.
 */
@Singleton
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    private final Runnable migration;
    private final boolean atStart;
    private final Duration maxWait;
    private final Duration retryAfter;
    /** The current attempt; replaced when a failed one is tried again. */
    private volatile CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean started;
    /** When the last attempt failed ({@link System#nanoTime()}). */
    private volatile long failedAt;
    /** The thread running the migration: Flyway gets its connections from the same (waiting) DataSource. */
    private volatile Thread migrating;

    @Inject
    public SchemaMigration(Instance<Flyway> flyway, DatabaseConfig config) {
        this(() -> {
            var result = flyway.get().migrate();
            LOG.infof("database schema at version %s (%d migration(s) applied)", result.targetSchemaVersion, result.migrationsExecuted);
        }, config.migrateAtStart(), config.migrationWait(), config.migrationRetry());
    }

    /**
     * @param migration brings the schema up to date (throws when it cannot)
     * @param atStart   false: the schema is managed outside the service (or by {@code quarkus.flyway.migrate-at-start}),
     *                  nothing is run and connections do not wait
     * @param maxWait    how long a connection waits for a migration still running before {@link DatabaseUnavailableException}
     * @param retryAfter how long after a failed attempt a connection asked for starts the next one
     */
    public SchemaMigration(Runnable migration, boolean atStart, Duration maxWait, Duration retryAfter) {
        this.migration = migration;
        this.atStart = atStart;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    /** Early among the start-up observers, so the migration runs beside the rest of start-up. */
    void atStartup(@Observes @Priority(1) StartupEvent event) {
        start();
    }

    /** Starts the migration on a daemon thread of its own (once). */
    public synchronized void start() {
        if (!atStart) {
            done.complete(null); // the schema is managed outside the service (or by quarkus.flyway.migrate-at-start)
            return;
        }
        if (started) return;
        started = true;
        Thread thread = new Thread(this::migrate, "primum-schema-migration");
        thread.setDaemon(true);
        migrating = thread;
        thread.start();
    }

    private void migrate() {
        CompletableFuture<Void> attempt = done;
        long t0 = System.nanoTime();
        try {
            migration.run();
            LOG.infof("database schema migrated in the background in %d ms", (System.nanoTime() - t0) / 1_000_000);
            attempt.complete(null);
        } catch (RuntimeException | LinkageError e) {
            // loud: the decision log, the audits and CDS Hooks cannot work until an attempt succeeds
            LOG.errorf(e, "database schema migration FAILED: the decision log, audits and CDS Hooks answer 503 until it succeeds "
                    + "(tried again on demand every %s); the tumour board answers without a decision log", retryAfter);
            failedAt = System.nanoTime();
            attempt.completeExceptionally(e);
        } finally {
            migrating = null;
        }
    }

    /** A failed attempt older than the retry interval is replaced by a new one. */
    private synchronized void retryIfDue() {
        if (!done.isCompletedExceptionally() || System.nanoTime() - failedAt < retryAfter.toNanos()) return;
        LOG.info("database schema migration: trying again");
        done = new CompletableFuture<>();
        started = false;
        start();
    }

    /** Returns once the schema is migrated; throws {@link DatabaseUnavailableException} if it failed or is not done within the wait. */
    public void await() {
        if (done.isDone() && !done.isCompletedExceptionally()) return;
        if (Thread.currentThread() == migrating) return; // the migration's own connections
        start(); // used before the start-up event (a bean created early, a test): migrate now rather than wait for nothing
        retryIfDue();
        try {
            done.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DatabaseUnavailableException("the database is unavailable: its schema migration failed (tried again every "
                    + retryAfter.toSeconds() + " s)", false, e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseUnavailableException("the database is not ready yet: its schema is still being migrated", true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for the database schema migration", true, e);
        }
    }

    /** True once the migration has ended, well or not. */
    public boolean finished() {
        return done.isDone();
    }
}
