package org.primum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A companion to {@link TumourBoardBenchmark} for shared, loaded machines: runs {@code floor} and
 * {@code full} alternately on the same bytes and measures each with the thread's CPU time, so that
 * load from other processes falls on both alike and time spent descheduled is not counted. Prints the
 * CPU time per operation of each and their ratio, per round; the second half of the rounds is the
 * steady state. Not a test: run by {@code bench/budget.sh} (RATIO_ROUNDS, RATIO_OPS).
 */
public final class TumourBoardRatioProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TumourBoardRatioProbe() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        TumourBoardBenchmark b = new TumourBoardBenchmark();
        b.setUp();
        double floorSum = 0, fullSum = 0;
        int steady = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long floor = 0, full = 0;
            for (int i = 0; i < operations; i++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                sink += b.floor().length;
                long t1 = THREADS.getCurrentThreadCpuTime();
                sink += b.full().length;
                long t2 = THREADS.getCurrentThreadCpuTime();
                floor += t1 - t0;
                full += t2 - t1;
            }
            double f = floor / 1000.0 / operations, u = full / 1000.0 / operations;
            System.out.printf("round %2d: floor %7.1f us  full %7.1f us  ratio %.2f%n", r, f, u, u / f);
            if (r >= rounds / 2) {
                floorSum += f;
                fullSum += u;
                steady++;
            }
        }
        System.out.printf("steady state (last %d rounds): floor %.1f us  full %.1f us  ratio %.2f  (%d)%n",
                steady, floorSum / steady, fullSum / steady, fullSum / floorSum, sink % 10);
    }
}
