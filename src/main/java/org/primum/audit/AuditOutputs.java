package org.primum.audit;

import org.primum.audit.model.*;
import org.primum.audit.output.CsvOutput;
import org.primum.audit.output.HtmlOutput;
import org.primum.audit.output.JsonOutput;
import org.primum.audit.output.MeasureReportOutput;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionException;

/**
 * Every output of one audit run, written from its {@link AuditReport} into a folder: {@code audit.json}
 * (the JSON), {@code audit.csv} (one row per patient and criterion), {@code measure-report.json}
 * (FHIR R4 MeasureReport, summary) and {@code audit.html} (a printable page with a chart).
 */
public final class AuditOutputs {
    private AuditOutputs() {
    }

    public static final String JSON = "audit.json", CSV = "audit.csv", MEASURE_REPORT = "measure-report.json", HTML = "audit.html";

    /** Writes every output into {@code dir} (created if needed); returns the files written. */
    public static List<Path> writeAll(AuditReport report, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // each writer streams the patients' results from disk on its own: written side by side, on a cohort of a
        // hundred thousand patients the four take the time of the slowest instead of the sum. Threads of their own:
        // the common pool has one worker on two cores (and is not for blocking writes)
        ExecutorService writers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "audit-output");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> writes = List.of(
                    write(dir.resolve(JSON), out -> JsonOutput.write(report, out), writers),
                    write(dir.resolve(CSV), out -> CsvOutput.write(report, out), writers),
                    write(dir.resolve(MEASURE_REPORT), out -> MeasureReportOutput.write(report, out), writers),
                    write(dir.resolve(HTML), out -> HtmlOutput.write(report, out), writers));
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        } finally {
            writers.shutdown();
        }
        return List.of(dir.resolve(JSON), dir.resolve(CSV), dir.resolve(MEASURE_REPORT), dir.resolve(HTML));
    }

    /** The JSON only, e.g. as an HTTP answer. */
    public static void writeJson(AuditReport report, OutputStream out) {
        JsonOutput.write(report, out);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static CompletableFuture<Void> write(Path file, Writer writer, ExecutorService writers) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writer.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.getFileName(), e);
            }
        }, writers);
    }
}
