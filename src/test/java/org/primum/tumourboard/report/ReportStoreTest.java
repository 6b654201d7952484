package org.primum.tumourboard.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportStoreTest {

    static ReportView report() {
        return new ReportView(null, "2025-07-01T10:00:00Z", null, "2025-07-01", "kb", "60 years, female", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("a note"), List.of());
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-07-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    @Test
    void aReportIsKeptUntilItExpiresThenSwept(@TempDir Path dir) {
        MovableClock clock = new MovableClock();
        ReportStore store = new ReportStore(dir, Duration.ofHours(24), clock);
        ReportView saved = store.save(report());
        assertThat(saved.id()).matches("[0-9a-f]{32}");
        assertThat(saved.expiresAt()).isEqualTo("2025-07-02T10:00:00Z");
        assertThat(store.find(saved.id())).contains(saved);

        // a second store on the same folder (another instance, a restart) serves it too
        assertThat(new ReportStore(dir, Duration.ofHours(1), clock).find(saved.id())).contains(saved);

        clock.now = clock.now.plus(Duration.ofHours(23));
        assertThat(store.sweep()).isZero();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(store.find(saved.id())).isEmpty();
        ReportView other = store.save(report());
        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(store.sweep()).isEqualTo(1);
        assertThat(store.find(other.id())).isEmpty();
    }

    @Test
    void onlyIdsAreLookedUp(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.json"), "{}");
        ReportStore store = new ReportStore(dir, Duration.ofHours(1), Clock.systemUTC());
        assertThat(store.find("secret")).isEmpty();
        assertThat(store.find("../" + dir.getFileName() + "/secret")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void idsDoNotRepeat(@TempDir Path dir) {
        ReportStore store = new ReportStore(dir, Duration.ofHours(1), Clock.systemUTC());
        assertThat(store.save(report()).id()).isNotEqualTo(store.save(report()).id());
    }
}
