package org.primum.bench;

import org.primum.audit.AuditEngine;
import org.primum.audit.AuditOptions;
import org.primum.audit.AuditInput;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit's steady-state cost per patient: the same cohort audited several times in one JVM (the first
 * rounds warm the JIT), each timed by the process's CPU time (robust to other load on the machine, unlike wall
 * time) and by wall time. Not a test: {@code ./mvnw -B -Pbench process-test-classes
 * -Dbench.main=org.primum.bench.AuditProbe -Dbench.args="COHORT_DIR ROUNDS THREADS"}.
 */
public final class AuditProbe {

    public static void main(String[] args) {
        org.primum.PrimumMain.quietLibraries(); // as the audit command does
        Path cohort = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AuditEngine engine = new AuditEngine(Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build());
        AuditOptions options = AuditOptions.defaults(LocalDate.of(2026, 1, 1)).withThreads(threads);
        for (int round = 1; round <= rounds; round++) {
            long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
            try (AuditReport report = engine.run(new AuditInput(List.of(cohort)), options, ProgressListener.NONE, () -> false)) {
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9, wallS = (System.nanoTime() - wall) / 1e9;
                System.out.printf("round %d: %d patients (%d audited), CPU %.2f s (%.3f ms/patient), wall %.2f s%n", round,
                        report.patients(), report.audited(), cpuS, cpuS * 1000 / report.patients(), wallS);
            }
        }
    }
}
