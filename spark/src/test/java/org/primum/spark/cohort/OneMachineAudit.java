package org.primum.spark.cohort;

import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.AuditOutputs;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The one-machine audit ({@link AuditEngine}, all cores) on a folder, outputs written, for the Spark benchmark's
 * comparison (bench/spark/run.sh): {@code OneMachineAudit INPUT OUT AS_OF}. Prints patients and seconds, the
 * knowledge base's compilation included (as the Spark job's time includes it).
 */
public final class OneMachineAudit {
    private OneMachineAudit() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        try (AuditReport report = new AuditEngine(pipeline).run(AuditInput.of(Path.of(args[0])),
                AuditOptions.defaults(LocalDate.parse(args[2])), ProgressListener.NONE, () -> false)) {
            AuditOutputs.writeAll(report, Path.of(args[1]));
            System.out.printf("one-machine audit: %d patients, %d lines, %.1f s%n", report.patients(), report.linesRead(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
