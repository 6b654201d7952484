package org.primum.bench;

import org.primum.core.Pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A companion to {@link TumourBoardBenchmark} for shared, loaded machines: runs {@code floor} and
 * {@code full} alternately on the same bytes and measures each with the thread's CPU time, so that
 * load from other processes falls on both alike and time spent descheduled is not counted. Prints the
 * CPU time per operation of each and their ratio, per round; the second half of the rounds is the
 * steady state. Not a test: run by {@code bench/budget.sh} (RATIO_ROUNDS, RATIO_OPS).
 *
 * <p>{@code TumourBoardRatioProbe ROUNDS OPS stages}: also times the stages of {@code full} one by one in the same
 * alternation (each on its own input, as the JMH stage benchmarks do) and prints each as a share of {@code full} and
 * of the floor: where the time over the floor goes, on the same load. The last line stays the steady state.
 */
public final class TumourBoardRatioProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TumourBoardRatioProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean stages = args.length > 2 && args[2].equals("stages");
        TumourBoardBenchmark b = new TumourBoardBenchmark();
        b.setUp();
        Map<String, Callable<Object>> stageCalls = stages ? stages(b) : Map.of();
        Map<String, Double> stageSums = new LinkedHashMap<>();
        double floorSum = 0, fullSum = 0;
        int steady = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long floor = 0, full = 0;
            Map<String, Long> stageTimes = new LinkedHashMap<>();
            for (int i = 0; i < operations; i++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                sink += b.floor().length;
                long t1 = THREADS.getCurrentThreadCpuTime();
                sink += b.full().length;
                long t2 = THREADS.getCurrentThreadCpuTime();
                floor += t1 - t0;
                full += t2 - t1;
                for (Map.Entry<String, Callable<Object>> s : stageCalls.entrySet()) {
                    long s0 = THREADS.getCurrentThreadCpuTime();
                    sink += s.getValue().call().hashCode();
                    stageTimes.merge(s.getKey(), THREADS.getCurrentThreadCpuTime() - s0, Long::sum);
                }
            }
            double f = floor / 1000.0 / operations, u = full / 1000.0 / operations;
            System.out.printf("round %2d: floor %7.1f us  full %7.1f us  ratio %.2f%n", r, f, u, u / f);
            if (r >= rounds / 2) {
                floorSum += f;
                fullSum += u;
                steady++;
                for (Map.Entry<String, Long> t : stageTimes.entrySet()) {
                    stageSums.merge(t.getKey(), t.getValue() / 1000.0 / operations, Double::sum);
                }
            }
        }
        if (stages) {
            double floor = floorSum / steady, full = fullSum / steady;
            System.out.printf("stages of full, steady state (each timed alone; their sum is not exactly full):%n");
            for (Map.Entry<String, Double> t : stageSums.entrySet()) {
                double v = t.getValue() / steady;
                System.out.printf("  %-34s %7.1f us  %5.1f %% of full  %5.2f x floor%n", t.getKey(), v, 100 * v / full, v / floor);
            }
        }
        System.out.printf("steady state (last %d rounds): floor %.1f us  full %.1f us  ratio %.2f  (%d)%n",
                steady, floorSum / steady, fullSum / steady, fullSum / floorSum, sink % 10);
    }

    /** The stages of {@code full}, in order, each on the previous stage's result computed once in set-up. */
    private static Map<String, Callable<Object>> stages(TumourBoardBenchmark b) throws IOException {
        Pipeline.Result result = b.service.evaluateRecord(b.body, TumourBoardBenchmark.FHIR_JSON, TumourBoardBenchmark.AS_OF);
        Map<String, Callable<Object>> s = new LinkedHashMap<>();
        s.put("parse (JSON tree + HAPI, strict)", b::stage1Parse);
        s.put("mapping", b::stage2Map);
        s.put("interpretation (definitions)", b::stage3Interpret);
        s.put("rules (Drools + recommendations)", b::stage4Rules);
        s.put("answer (+ log line)", () -> b.service.answer(result, b.body, "bench"));
        s.put("JSON", b::stage5Serialise);
        return s;
    }
}
