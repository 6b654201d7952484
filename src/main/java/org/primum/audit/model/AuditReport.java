package org.primum.audit.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one audit run found. The cohort's figures are held here; the per-patient results stay on disk (a
 * {@link ResultFile} per bucket, in the run's work folder) and are streamed by {@link #forEachPatient}, so that a
 * report on a large cohort is small. {@link #close()} deletes the work folder: write the outputs first
 * ({@code org.primum.audit.AuditOutputs.writeAll}).
 *
 * @param patients       every patient of the input, audited or out of scope
 * @param outOfScope     patients out of scope by reason (Presentation scope, NO_ACT, UNREADABLE)
 * @param problemCounts  input problems by kind (all of them); {@code problems}: the first ones, located
 * @param notUsed        resources of types the mapping does not read (Encounter, Practitioner…), by type
 */
public record AuditReport(String knowledgeBaseVersion, LocalDate asOf, List<CriterionSummary> summary,
                          BreastConservation breastConservation, long patients, long audited,
                          Map<String, Long> outOfScope, Map<InputProblem.Kind, Long> problemCounts,
                          List<InputProblem> problems, long linesRead, Map<String, Long> notUsed,
                          List<Path> resultFiles, Path workDir) implements AutoCloseable {

    public AuditReport {
        summary = List.copyOf(summary);
        outOfScope = Map.copyOf(outOfScope);
        problemCounts = Map.copyOf(problemCounts);
        problems = List.copyOf(problems);
        notUsed = Map.copyOf(notUsed);
        resultFiles = List.copyOf(resultFiles);
    }

    public long problemCount() {
        return problemCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every patient's result, in a fixed order (the same input gives the same order, whatever the threads). */
    public void forEachPatient(Consumer<PatientResult> action) {
        for (Path file : resultFiles) {
            try {
                ResultFile.forEach(file, action);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes the run's temporary files. */
    @Override
    public void close() {
        WorkDir.delete(workDir);
    }
}
