package org.primum.spark;

import org.primum.audit.model.AuditReport;

import java.util.Map;

/**
 * What the job found, on the driver: the cohort's figures as the one-machine audit's {@link AuditReport} (its
 * per-patient results are not in it: they are in the verdicts table, {@code resultFiles} is empty) and the input
 * problems counted per file and kind.
 */
public record JobResult(AuditReport report, Map<String, Map<String, Long>> problemsByFile, String out) {

    public JobResult {
        problemsByFile = Map.copyOf(problemsByFile);
    }
}
