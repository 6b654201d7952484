package org.primum.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.model.AuditCancelledException;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.ProgressListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit's reading, routed on several threads, stops cleanly: cancelled mid-read, or a file broken mid-way. */
class AuditRunBoundsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    private static String patients(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append("{\"resourceType\":\"Patient\",\"id\":\"p").append(i).append("\"}\n");
            s.append("{\"resourceType\":\"Encounter\",\"id\":\"e").append(i).append("\",\"subject\":{\"reference\":\"Patient/p")
                    .append(i).append("\"}}\n");
        }
        return s.toString();
    }

    /** Cancelled while blocks of lines are with the routing threads: the run stops, and leaves no file behind. */
    @Test
    void cancelledWhileReadingLeavesNothingBehind() throws IOException {
        Path input = Files.writeString(dir.resolve("cohort.ndjson"), patients(0, 20_000));
        Path work = dir.resolve("work");
        AtomicInteger polls = new AtomicInteger();
        AuditOptions options = AuditOptions.defaults(AS_OF).withThreads(2).withWorkDir(work);
        assertThatThrownBy(() -> AuditTestSupport.ENGINE.run(AuditInput.of(input), options, ProgressListener.NONE,
                () -> polls.incrementAndGet() > 3)).isInstanceOf(AuditCancelledException.class);
        try (Stream<Path> left = Files.walk(work)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** A gzip file cut short: its lines up to the break are audited, the file is reported, the other files are read whole. */
    @Test
    void aFileBrokenMidwayKeepsTheLinesBeforeTheBreak() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(patients(0, 5_000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Files.write(dir.resolve("a.ndjson.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));
        Files.writeString(dir.resolve("b.ndjson"), patients(5_000, 5_100));
        try (AuditReport report = AuditTestSupport.ENGINE.run(AuditInput.of(dir), AuditOptions.defaults(AS_OF).withThreads(2),
                ProgressListener.NONE, () -> false)) {
            assertThat(report.problemCounts()).containsEntry(InputProblem.Kind.UNREADABLE_FILE, 1L);
            assertThat(report.problems()).anySatisfy(p -> {
                assertThat(p.kind()).isEqualTo(InputProblem.Kind.UNREADABLE_FILE);
                assertThat(p.file()).isEqualTo("a.ndjson.gz");
            });
            // every line read is counted and every patient named by one is in the output
            assertThat(report.patients()).isGreaterThan(100).isLessThan(5_100);
            // (a Patient line and her Encounter's each: the break may fall between the two)
            assertThat(report.linesRead()).isBetween(report.patients() * 2 - 1, report.patients() * 2);
            assertThat(AuditTestSupport.patients(report)).containsKeys("Patient/p0", "Patient/p5000", "Patient/p5099");
        }
    }
}
