package org.primum.cdshooks.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.store.Databases;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the case table ({@code CdsHooksSecurityCasesTest}) does not show: a replay on the same instance costs no
 * database round trip, two instances racing with one token accept it once, a database error refuses the token,
 * expired rows are swept.
 */
class SharedReplayGuardTest {

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aReplayOnTheSameInstanceIsRefusedWithoutARoundTrip(String kind) {
        Counting ds = new Counting(Databases.fresh(kind).open());
        SharedReplayGuard guard = new SharedReplayGuard(new ReplayGuard(100), new TokenUseTable(ds), Runnable::run);
        assertThat(guard.firstUse("a", "j", 1_000, 900)).isTrue();
        int afterFirstUse = ds.connections.get();
        assertThat(guard.firstUse("a", "j", 1_000, 901)).isFalse();
        assertThat(ds.connections.get()).isEqualTo(afterFirstUse);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesRacingWithOneTokenAcceptItOnce(String kind) throws Exception {
        DataSource ds = Databases.fresh(kind).open();
        List<SharedReplayGuard> instances = List.of(guard(ds), guard(ds));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String jti = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    SharedReplayGuard instance = instances.get(t % 2);
                    results.add(pool.submit(() -> {
                        start.await();
                        return instance.firstUse("a", jti, 1_000, 900);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> r : results) if (r.get(10, TimeUnit.SECONDS)) accepted++;
                assertThat(accepted).as(jti).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void expiredRowsAreSwept(String kind) throws SQLException {
        DataSource ds = Databases.fresh(kind).open();
        new TokenUseTable(ds).claim("a", "old", 1_000, 900);
        new TokenUseTable(ds).claim("a", "live", 5_000, 900);
        guard(ds).firstUse("a", "new", 5_000, 2_000); // its first call sweeps (here on the caller's thread)
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cds_token_use")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2); // live and new
        }
    }

    @org.junit.jupiter.api.Test
    void aDatabaseErrorRefusesTheToken() {
        Counting broken = new Counting(null);
        SharedReplayGuard guard = new SharedReplayGuard(new ReplayGuard(100), new TokenUseTable(broken), Runnable::run);
        assertThat(guard.firstUse("a", "j", 1_000, 900)).isFalse();
    }

    static SharedReplayGuard guard(DataSource ds) {
        return new SharedReplayGuard(new ReplayGuard(1_000), new TokenUseTable(ds), Runnable::run);
    }

    /** Counts the connections asked for; with no target, every ask fails like a database that is down. */
    static final class Counting implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final DataSource target;

        Counting(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            if (target == null) throw new SQLException("connection refused", "08001");
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
