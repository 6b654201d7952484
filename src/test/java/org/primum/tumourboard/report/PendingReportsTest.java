package org.primum.tumourboard.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.facts.CaseFacts;
import org.primum.facts.ClinicalRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A linked report is built and written only when its link is first followed, under the link's id and expiry. */
class PendingReportsTest {

    static Pipeline.Result result(String kb) {
        ClinicalRecord record = new ClinicalRecord(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Evaluation evaluation = new Evaluation(kb, new CaseFacts(LocalDate.of(2025, 7, 1), List.of(), List.of(), List.of()), List.of(), List.of());
        return new Pipeline.Result(record, evaluation, List.of(), 0, List.of());
    }

    @Test
    void nothingIsWrittenUntilTheLinkIsFollowedThenItIsServedFromTheFolder(@TempDir Path dir) throws Exception {
        ReportStoreTest.MovableClock clock = new ReportStoreTest.MovableClock();
        ReportStore store = new ReportStore(dir, Duration.ofHours(24), clock);
        PendingReports pending = new PendingReports(store, clock, 10);

        String id = pending.reserve(result("kb-1"));
        assertThat(id).matches("[0-9a-f]{32}");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no file before the link is followed").isEmpty();
        }
        assertThat(store.find(id)).isEmpty();

        clock.now = clock.now.plus(Duration.ofHours(1));
        ReportView built = pending.materialise(id).orElseThrow();
        assertThat(built.id()).isEqualTo(id);
        assertThat(built.knowledgeBaseVersion()).isEqualTo("kb-1");
        assertThat(built.generatedAt()).as("when the evaluation was made").isEqualTo("2025-07-01T10:00:00Z");
        assertThat(built.expiresAt()).as("the link's expiry, not a new one").isEqualTo("2025-07-02T10:00:00Z");
        assertThat(pending.size()).isZero();
        assertThat(pending.materialise(id)).isEmpty();
        assertThat(store.find(id)).contains(built);
    }

    @Test
    void theOldestGoFirstBeyondCapacityAndNoneOutlivesItsExpiry(@TempDir Path dir) {
        ReportStoreTest.MovableClock clock = new ReportStoreTest.MovableClock();
        ReportStore store = new ReportStore(dir, Duration.ofHours(1), clock);
        PendingReports pending = new PendingReports(store, clock, 2);
        String first = pending.reserve(result("a"));
        String second = pending.reserve(result("b"));
        String third = pending.reserve(result("c"));
        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.materialise(first)).isEmpty();
        assertThat(pending.materialise(second)).isPresent();

        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(pending.materialise(third)).isEmpty();
        assertThat(store.find(third)).isEmpty();

        String fourth = pending.reserve(result("d"));
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(pending.sweep()).isEqualTo(1);
        assertThat(pending.materialise(fourth)).isEmpty();
    }

    @Test
    void unknownOrMalformedIdsAreAbsent(@TempDir Path dir) {
        PendingReports pending = new PendingReports(new ReportStore(dir, Duration.ofHours(1), new ReportStoreTest.MovableClock()),
                new ReportStoreTest.MovableClock(), 5);
        assertThat(pending.materialise("0".repeat(32))).isEmpty();
        assertThat(pending.materialise("../x")).isEmpty();
        assertThatThrownBy(() -> new PendingReports(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
