package org.primum.audit.store;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema migrated in the background at start-up, and the stores' connections waiting for it ({@link MigratedDataSource}). */
class SchemaMigrationTest {

    @Test
    void aConnectionWaitsUntilTheMigrationIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean migrated = new AtomicBoolean();
        SchemaMigration migration = new SchemaMigration(() -> {
            await(release);
            migrated.set(true);
        }, true, Duration.ofSeconds(10), Duration.ofHours(1));
        DataSource ds = new MigratedDataSource(Databases.fresh(Databases.H2).open(), migration);
        migration.start();

        CompletableFuture<Boolean> seenMigrated = CompletableFuture.supplyAsync(() -> {
            try (Connection c = ds.getConnection()) {
                return migrated.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(migration.finished()).isFalse();
        release.countDown();
        // the connection was handed out only after the migration had ended
        assertThat(seenMigrated.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(migration.finished()).isTrue();
    }

    @Test
    void aFailedMigrationMakesEveryConnectionFailAsUnavailableNotTransient() throws Exception {
        SchemaMigration migration = new SchemaMigration(() -> {
            throw new IllegalStateException("V1 failed: syntax error");
        }, true, Duration.ofSeconds(10), Duration.ofHours(1));
        DataSource ds = new MigratedDataSource(Databases.fresh(Databases.H2).open(), migration);
        migration.start();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(ds::getConnection).isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                assertThat(e.transientState()).isFalse();
                // the client-facing message names the state, not the database's error
                assertThat(e.getMessage()).contains("migration failed").doesNotContain("syntax");
            });
        }
    }

    @Test
    void aFailedMigrationIsTriedAgainOnceTheRetryIntervalHasPassed() throws Exception {
        // a database too slow to hand out a connection at start-up (a loaded machine), ready later
        AtomicInteger attempts = new AtomicInteger();
        SchemaMigration migration = new SchemaMigration(() -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("acquisition timeout");
        }, true, Duration.ofSeconds(10), Duration.ofMillis(200));
        DataSource ds = new MigratedDataSource(Databases.fresh(Databases.H2).open(), migration);
        migration.start();

        // within the interval: unavailable at once, no second attempt
        assertThatThrownBy(ds::getConnection).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(attempts).hasValue(1);
        Thread.sleep(300);
        // past it: the next connection asked for runs the migration again and gets its connection
        try (Connection c = ds.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(attempts).hasValue(2);
        try (Connection c = ds.getConnection()) {
            assertThat(attempts).hasValue(2); // done once and for all
        }
    }

    @Test
    void aMigrationStillRunningAfterTheWaitIsATransientUnavailability() {
        CountDownLatch never = new CountDownLatch(1);
        SchemaMigration migration = new SchemaMigration(() -> await(never), true, Duration.ofMillis(50), Duration.ofHours(1));
        migration.start();
        try {
            assertThatThrownBy(migration::await).isInstanceOfSatisfying(DatabaseUnavailableException.class,
                    e -> assertThat(e.transientState()).isTrue());
        } finally {
            never.countDown();
        }
    }

    @Test
    void theMigrationsOwnConnectionsDoNotWaitForIt() throws Exception {
        // Flyway gets its connections from the same DataSource the stores use
        CompletableFuture<DataSource> source = new CompletableFuture<>();
        AtomicBoolean connected = new AtomicBoolean();
        SchemaMigration migration = new SchemaMigration(() -> {
            try (Connection c = source.join().getConnection()) {
                connected.set(c.isValid(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, true, Duration.ofSeconds(10), Duration.ofHours(1));
        source.complete(new MigratedDataSource(Databases.fresh(Databases.H2).open(), migration));
        migration.await(); // starts it when nothing has yet
        assertThat(connected).isTrue();
    }

    @Test
    void withMigrationOffNothingRunsAndNothingWaits() {
        AtomicBoolean ran = new AtomicBoolean();
        SchemaMigration migration = new SchemaMigration(() -> ran.set(true), false, Duration.ofMillis(1), Duration.ofHours(1));
        migration.start();
        migration.await();
        assertThat(ran).isFalse();
        assertThat(migration.finished()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
