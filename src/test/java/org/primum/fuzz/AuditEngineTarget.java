package org.primum.fuzz;

import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit engine called directly (as the {@code audit} command does) on damaged NDJSON cohorts: every run
 * completes within the time allowed, never throws, and reports at least every unreadable line.
 */
final class AuditEngineTarget extends Target {
    private final AuditEngine engine;
    private final Path work;
    private final ExecutorService runs = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-audit-engine");
        t.setDaemon(true);
        return t;
    });

    AuditEngineTarget(Pipeline pipeline, Path work) {
        super("audit-engine", Seeds.cohorts(), Mutant.Shape.NDJSON);
        this.engine = new AuditEngine(pipeline);
        this.work = work;
    }

    @Override
    Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception {
        Path dir = Files.createTempDirectory(work, "case");
        Path file = dir.resolve("cohort.ndjson");
        Files.write(file, input);
        AtomicBoolean cancelled = new AtomicBoolean();
        AuditOptions options = AuditOptions.defaults(LocalDate.parse(seed.asOf())).withThreads(1).withWorkDir(dir);
        Future<Long> run = runs.submit(() -> {
            try (AuditReport report = engine.run(AuditInput.of(file), options, new ProgressListener() {
            }, cancelled::get)) {
                return report.problemCount();
            }
        });
        try {
            long reported = run.get(FuzzRunner.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int bad = BadLines.count(input);
            return reported < bad ? new Answer(200, bad + " unreadable lines but " + reported + " input problems reported") : new Answer(200, null);
        } catch (ExecutionException e) {
            return new Answer(500, "the audit threw " + e.getCause());
        } finally {
            cancelled.set(true);
            run.cancel(true);
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a leftover temporary file in target/ is harmless
        }
    }
}
