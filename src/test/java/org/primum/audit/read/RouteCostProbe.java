package org.primum.audit.read;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Routing's cost per line, steady state, one thread: every line of a cohort's NDJSON files routed by {@link Route#of}
 * (the one-pass scan, Jackson when it is unsure) and by {@link Route#parse} (Jackson's streaming parser alone, as
 * before), several rounds each, by the thread's CPU clock. Not a test: {@code java -cp
 * target/classes:target/test-classes:DEPENDENCIES org.primum.audit.read.RouteCostProbe COHORT [ROUNDS]}.
 */
public final class RouteCostProbe {

    private interface Router {
        Route route(byte[] line) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) lines.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d: scan %.2f µs per line, Jackson %.2f µs per line (%d lines)%n", round,
                    cost(lines, line -> Route.of(line, 0, line.length)), cost(lines, line -> Route.parse(line, 0, line.length)),
                    lines.size());
        }
    }

    private static double cost(List<byte[]> lines, Router router) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime(), patients = 0;
        for (byte[] line : lines) {
            if (router.route(line).patientId() != null) patients++;
        }
        if (patients == 0) throw new IllegalStateException("no line names a patient");
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / lines.size();
    }
}
