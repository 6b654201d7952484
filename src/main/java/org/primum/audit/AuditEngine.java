package org.primum.audit;

import org.primum.audit.model.*;
import org.primum.audit.judge.PatientAuditor;
import org.primum.audit.read.Buckets;
import org.primum.audit.read.InputFiles;
import org.primum.audit.read.Partitioner;
import org.primum.audit.read.PatientGroups;
import org.primum.core.Pipeline;
import org.primum.engine.AuditRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The guideline audit of a cohort (catalogue section F), plain Java: FHIR R4 NDJSON (or Bundles) in, a
 * verdict per patient and criterion out. Two passes: the input is read once and partitioned by patient into
 * bucket files (a patient's resources may be scattered over any files in any order; only one bucket per
 * thread is ever in memory), then each bucket's patients are judged through the core {@link Pipeline},
 * buckets in parallel. Every input patient is in the report, audited or out of scope with the reason; bad
 * input is reported with its file and line and the audit goes on.
 *
 * <p>Build one per knowledge base and share it (it holds the pipeline; {@link #run} is thread-safe).
 */
public final class AuditEngine {

    private final Pipeline pipeline;
    private final Map<String, String> titles = new LinkedHashMap<>();

    public AuditEngine(Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        Set<String> judged = new TreeSet<>();
        for (AuditRule r : pipeline.knowledgeBase().auditRules()) {
            judged.add(r.code());
            titles.putIfAbsent(r.code(), r.title());
        }
        // the outputs list the catalogue's criteria: a knowledge base judging others (or fewer) is a build error
        if (!judged.equals(new TreeSet<>(Criteria.CODES))) {
            throw new IllegalStateException("the knowledge base judges " + judged + ", the catalogue's criteria are " + Criteria.CODES);
        }
    }

    /** The criterion titles from the knowledge base, by code. */
    public Map<String, String> titles() {
        return Collections.unmodifiableMap(titles);
    }

    /**
     * Audits {@code input}. {@code cancelled} is polled between lines and between patients: when it says
     * true the run stops with an {@link AuditCancelledException} and leaves nothing behind.
     */
    public AuditReport run(AuditInput input, AuditOptions options, ProgressListener progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        Path work = null;
        boolean done = false;
        try {
            work = WorkDir.create(options.workDir());
            List<InputFiles.InputFile> files = InputFiles.list(input.paths());
            long bytes = files.stream().mapToLong(InputFiles.InputFile::estimatedBytes).sum();
            // buckets of about bucketBytes each; at most 1024 open at once (each holds a write buffer)
            int count = (int) Math.max(1, Math.min(1024, (bytes + options.bucketBytes() - 1) / options.bucketBytes()));
            InputProblems problems = new InputProblems();
            Partitioner.Result partitioned = new Partitioner(files, problems, progress, cancelled)
                    .partition(new Buckets(work, count), options.threads());
            Aggregates aggregates = new Aggregates();
            List<Path> results = judge(files, partitioned, options, work, problems, aggregates, progress, cancelled);
            AuditReport report = new AuditReport(pipeline.knowledgeBase().version(), options.asOf(), aggregates.summary(titles),
                    aggregates.breastConservation(), aggregates.patients(), aggregates.audited(), aggregates.outOfScope(),
                    problems.counts(), problems.kept(), partitioned.lines(), partitioned.notUsedByType(), results, work);
            // the buckets are read: only the results are needed from here on
            for (Path bucket : partitioned.buckets().paths()) Files.deleteIfExists(bucket);
            done = true;
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!done) WorkDir.delete(work);
        }
    }

    private List<Path> judge(List<InputFiles.InputFile> files, Partitioner.Result partitioned, AuditOptions options, Path work,
                             InputProblems problems, Aggregates aggregates, ProgressListener progress,
                             BooleanSupplier cancelled) throws IOException {
        PatientGroups groups = new PatientGroups(files, partitioned.medications());
        PatientAuditor auditor = new PatientAuditor(pipeline, options.asOf());
        List<Path> buckets = partitioned.buckets().paths();
        List<Path> results = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        // patients are counted by their Patient resources while reading; one named only by references adds one
        long total = partitioned.patientResources();
        Runnable judged = () -> {
            long n = done.incrementAndGet();
            progress.judging(n, Math.max(total, n));
        };
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "primum-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                Path bucket = buckets.get(i);
                Path out = work.resolve("results-" + i + ".bin");
                results.add(out);
                futures.add(pool.submit(() -> {
                    judgeBucket(bucket, out, groups, auditor, problems, aggregates, judged, cancelled);
                    return null;
                }));
            }
            for (Future<?> f : futures) await(f, futures);
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static void await(Future<?> future, List<Future<?>> all) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new AuditCancelledException();
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private static void judgeBucket(Path bucket, Path out, PatientGroups groups, PatientAuditor auditor, InputProblems problems,
                                    Aggregates aggregates, Runnable judged, BooleanSupplier cancelled) throws IOException {
        try (ResultFile.Writer results = new ResultFile.Writer(out)) {
            groups.forEach(bucket, problems, patient -> {
                if (cancelled.getAsBoolean()) throw new AuditCancelledException();
                PatientResult result = auditor.audit(patient.id(), patient.resources(), problems);
                aggregates.add(result);
                judged.run();
                results.write(result);
            });
        }
    }
}
