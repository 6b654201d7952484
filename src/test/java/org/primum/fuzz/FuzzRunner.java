package org.primum.fuzz;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a target's cases, a few at a time (the service answers on both cores while the next input is built),
 * and collects the answers that are not allowed; each failure is minimised and written out by
 * {@link FailureReport}. Prints what ran, how fast, and the status codes seen.
 */
final class FuzzRunner {
    /** The hang detector: generous, the slowest legitimate input (a 3 MB fixture, 6 MB of strings) takes well under it. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Failures written out in full (minimised) per target; further ones are only counted. */
    private static final int REPORTED = 5;

    /** @param cpuMillis the whole JVM's CPU time over the run (service and fuzzer): the cost whatever the machine's load */
    record Result(String target, int inputs, long millis, long cpuMillis, Map<Integer, Integer> statuses, List<String> failures, int failed) {
        String summary() {
            return String.format("fuzz %s: %d inputs in %.1f s (%.1f ms each; CPU %.1f ms each), statuses %s, %d not allowed", target, inputs,
                    millis / 1000.0, inputs == 0 ? 0 : (double) millis / inputs, inputs == 0 ? 0 : (double) cpuMillis / inputs, statuses, failed);
        }
    }

    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private FuzzRunner() {
    }

    static Result run(Target target, FuzzSettings settings, double share, int parallel) throws InterruptedException {
        List<Seeds.Seed> seeds = target.seeds();
        int[] numbers = settings.cases(target.name(), share).toArray();
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<FuzzCase> failing = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Costs costs = new Costs();
        long start = System.nanoTime();
        long cpuStart = cpuMillis();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "fuzz-" + target.name());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int number : numbers) {
                running.add(pool.submit(() -> {
                    FuzzCase c = FuzzCase.generate(settings.seed(), target.name(), number, seeds.size(), i -> seeds.get(i).name(), i -> seeds.get(i).weight());
                    Seeds.Seed seed = seeds.stream().filter(s -> s.name().equals(c.seedName())).findFirst().orElseThrow();
                    long t0 = System.nanoTime();
                    byte[] input;
                    try {
                        input = c.apply(seed.tree(), target.shape()).bytes();
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("the fuzzer failed to build " + c, e);
                    }
                    Answer a = sendSafely(target, seed, c, input);
                    costs.add(c, (System.nanoTime() - t0) / 1_000_000);
                    statuses.merge(a.status(), 1, Integer::sum);
                    if (!a.allowed()) {
                        failed.incrementAndGet();
                        if (failing.size() < REPORTED) failing.add(c);
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the fuzzer itself failed", e.getCause());
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpu = cpuMillis() - cpuStart;
            for (FuzzCase c : failing) {
                Seeds.Seed seed = seeds.stream().filter(s -> s.name().equals(c.seedName())).findFirst().orElseThrow();
                failures.add(FailureReport.write(target, settings.seed(), c, seed));
            }
            Result result = new Result(target.name(), numbers.length, millis, cpu, statuses, failures, failed.get());
            System.out.println(result.summary());
            System.out.println(costs);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer; an exception of the target (not of the service) is a failure to report, like a 5xx. */
    static Answer sendSafely(Target target, Seeds.Seed seed, FuzzCase c, byte[] input) {
        try {
            return target.send(seed, c, input);
        } catch (HttpTimeoutException | TimeoutException e) {
            return Answer.hang(e.getClass().getSimpleName());
        } catch (Exception e) {
            return new Answer(-2, "the call failed: " + e);
        }
    }
}
