package org.primum.audit.read;

import org.primum.audit.model.AuditCancelledException;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.ProgressListener;

import java.io.IOException;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Pass one of the audit: reads every input line once, routes it by patient into {@link Buckets}, keeps the
 * Medications apart, and reports what it cannot route (file and line): an unreadable line, an unknown
 * resource type, a clinical resource without a patient. Resources of types the mapping never reads
 * (Encounter, Claim, Practitioner…) are counted by type and not copied (a patient named by one still
 * appears in the output). Where each line goes is {@link LineClassifier}'s decision (shared with the Spark job).
 *
 * <p>The calling thread reads the files and hands the lines on in blocks ({@link LineBlock}) to {@code threads}
 * routing threads: routing (a streaming parse of every line) is most of this pass, and on one thread it left the
 * other cores idle while they waited for pass two. The order lines are routed in does not matter: pass two sorts a
 * patient's lines back into input order, and of two Medications with one id the later in the input is kept.
 * At most {@code 2 × threads} blocks are in hand at once (a few MB).
 */
public final class Partitioner {

    public record Result(Buckets buckets, Medications medications, long lines, long patientResources,
                         Map<String, Long> notUsedByType) {
    }

    private final List<InputFiles.InputFile> files;
    private final Consumer<InputProblem> problems;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    /** @param problems receives problems from several threads at once: it must be thread-safe */
    public Partitioner(List<InputFiles.InputFile> files, Consumer<InputProblem> problems, ProgressListener progress,
                       BooleanSupplier cancelled) {
        this.files = files;
        this.problems = problems;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public Result partition(Buckets buckets, int threads) throws IOException {
        Routing routing = new Routing(buckets);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "primum-audit-route");
            t.setDaemon(true);
            return t;
        });
        Semaphore inHand = new Semaphore(2 * threads);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        long total = files.stream().mapToLong(InputFiles.InputFile::size).sum();
        AtomicLong bytes = new AtomicLong();
        long[] lines = {0};
        try {
            for (int index = 0; index < files.size(); index++) {
                InputFiles.InputFile file = files.get(index);
                int fileIndex = index;
                LineBlock[] block = {new LineBlock(fileIndex)};
                try {
                    LineSource.read(file, (line, json, length) -> {
                        if ((++lines[0] & 0x3FF) == 0) {
                            if (cancelled.getAsBoolean()) throw new AuditCancelledException();
                            progress.reading(lines[0], bytes.get(), total);
                        }
                        block[0].add(line, json, length);
                        if (block[0].full()) {
                            hand(block[0], routing, pool, inHand, failed);
                            block[0] = new LineBlock(fileIndex);
                        }
                    }, (line, length) -> problem(InputProblem.Kind.UNREADABLE_LINE, file, line, null,
                            "a line of " + length + " bytes, longer than any resource is read (" + LineSource.MAX_LINE_BYTES + " bytes): not read"),
                            bytes::addAndGet);
                } catch (AuditCancelledException | StopReading e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    // the lines read before the failure are routed all the same
                    problem(InputProblem.Kind.UNREADABLE_FILE, file, 0, null, "cannot read the file: " + LineClassifier.firstLine(e.getMessage()));
                }
                if (block[0].count > 0) hand(block[0], routing, pool, inHand, failed);
            }
        } catch (StopReading stop) {
            // a routing thread failed: its own exception is thrown below
        } finally {
            // every block handed on is routed (or failed) before the buckets are closed or the work folder deleted
            inHand.acquireUninterruptibly(2 * threads);
            pool.shutdown();
        }
        rethrow(failed.get());
        progress.reading(lines[0], bytes.get(), total);
        buckets.close();
        return new Result(buckets, routing.medications, lines[0], routing.patients.sum(), routing.notUsed());
    }

    /** Hands {@code block} to a routing thread, waiting while {@code 2 × threads} are in hand; stops at a routing failure. */
    private static void hand(LineBlock block, Routing routing, ExecutorService pool, Semaphore inHand, AtomicReference<Throwable> failed) {
        inHand.acquireUninterruptibly();
        if (failed.get() != null) {
            inHand.release();
            throw new StopReading();
        }
        pool.execute(() -> {
            try {
                routing.route(block);
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            } finally {
                inHand.release();
            }
        });
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) return;
        if (failure instanceof IOException io) throw io;
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
        throw new IllegalStateException(failure);
    }

    /** Stops the reading when a routing thread has failed (the thread's own exception is what the caller gets). */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super("a routing thread failed", null, false, false);
        }
    }

    /** What the routing threads find, shared by them. */
    private final class Routing {
        final Buckets buckets;
        final Medications medications = new Medications();
        final LongAdder patients = new LongAdder();
        final Map<String, LongAdder> notUsed = new ConcurrentHashMap<>();

        Routing(Buckets buckets) {
            this.buckets = buckets;
        }

        void route(LineBlock block) throws IOException {
            InputFiles.InputFile file = files.get(block.file);
            for (int i = 0; i < block.count; i++) {
                int start = block.starts[i], length = block.length(i);
                long line = block.lines[i];
                LineClassifier.Routed routed = LineClassifier.classify(block.data, start, length);
                switch (routed.kind()) {
                    case PROBLEM -> problems.accept(routed.problemAt(file.name(), line));
                    case MEDICATION -> medications.put(routed.id(), block.file, line, Arrays.copyOfRange(block.data, start, start + length));
                    case MAPPED -> {
                        if ("Patient".equals(routed.type())) patients.increment();
                        buckets.add(routed.patientId(), block.file, line, block.data, start, length);
                    }
                    case NOT_USED -> {
                        notUsed.computeIfAbsent(routed.countedAs(), k -> new LongAdder()).increment();
                        // not copied, but her id is: a patient named only by such resources still appears in the output
                        if (routed.patientId() != null) buckets.add(routed.patientId(), block.file, line, block.data, start, 0);
                    }
                }
            }
        }

        Map<String, Long> notUsed() {
            Map<String, Long> counts = new TreeMap<>();
            notUsed.forEach((type, n) -> counts.put(type, n.sum()));
            return counts;
        }
    }

    private void problem(InputProblem.Kind kind, InputFiles.InputFile file, long line, String patient, String detail) {
        problems.accept(new InputProblem(kind, file.name(), line, patient, detail));
    }
}
