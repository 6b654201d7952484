package org.primum.audit.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 point 3: a second instance in the same working directory must not die on the H2 file lock. The
 * service's URL has {@code AUTO_SERVER=TRUE}: this JVM holds the file open (the first instance) and another
 * JVM (the second) opens the same file with the service's URL options, reads the first one's rows and writes.
 */
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessSharesTheH2FileOfTheFirst() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("primum").toAbsolutePath() + ";" + serviceUrlOptions();
        JdbcDataSource first = new JdbcDataSource();
        first.setURL(url);
        first.setUser("primum");
        try (Connection held = first.getConnection()) {
            Databases.migrate(first);
            try (Statement s = held.createStatement()) {
                s.execute("INSERT INTO cds_card_signature (signature, codes, created_at) VALUES ('00000001', 'A', CURRENT_TIMESTAMP)");
            }
            String h2Jar = new File(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2Jar,
                    "org.h2.tools.Shell", "-url", url, "-user", "primum", "-sql",
                    "INSERT INTO cds_card_signature (signature, codes, created_at) VALUES ('00000002', 'B', CURRENT_TIMESTAMP); "
                            + "SELECT COUNT(*) AS N FROM cds_card_signature")
                    .redirectErrorStream(true).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(out).isZero();
            assertThat(out).doesNotContain("already in use").contains("2");
            try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cds_card_signature")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    /** The options after the file name in the service's quarkus.datasource.jdbc.url (application.properties). */
    private static String serviceUrlOptions() throws Exception {
        Properties p = new Properties();
        try (var in = SecondInstanceTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String url = p.getProperty("quarkus.datasource.jdbc.url");
        assertThat(url).startsWith("jdbc:h2:file:");
        List<String> parts = List.of(url.split(";", 2));
        assertThat(parts).hasSize(2);
        return parts.get(1);
    }
}
