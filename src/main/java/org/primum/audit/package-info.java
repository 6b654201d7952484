/**
 * The guideline audit of a cohort (issue 12, catalogue section F), plain Java: no Quarkus, no HAPI (FHIR
 * reaches it as JSON; mapping and rules only through {@link org.primum.core.Pipeline}), so that a command, the
 * HTTP job and a Spark executor run the same code.
 *
 * <h2>API (stable)</h2>
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
 * AuditEngine engine = new AuditEngine(pipeline);                  // once; run() is thread-safe
 *
 * try (AuditReport report = engine.run(
 *         AuditInput.of(Path.of("export/")),                       // NDJSON (.ndjson, .ndjson.gz) or Bundle (.json) files or folders
 *         AuditOptions.defaults(LocalDate.of(2026, 1, 1)),         // asOf; .withWorkDir(dir) .withThreads(n) .withBucketBytes(b)
 *         progressListener,                                        // ProgressListener: reading(lines, bytes, total), judging(done, total)
 *         () -> cancelled)) {                                      // BooleanSupplier, polled; true → AuditCancelledException
 *     AuditOutputs.writeAll(report, Path.of("out/"));               // audit.json, audit.csv, measure-report.json, audit.html
 *     AuditOutputs.writeJson(report, outputStream);                 // the JSON alone (e.g. GET on a finished job)
 * }                                                                 // close() deletes the run's temporary files
 * }</pre>
 *
 * <p>{@code AuditEngine.run(AuditInput, AuditOptions, ProgressListener, BooleanSupplier) → AuditReport};
 * {@code AuditOutputs.writeAll(AuditReport, Path) → List<Path>}; {@code AuditOutputs.writeJson(AuditReport,
 * OutputStream)} (leaves the stream open). The report's types ({@code AuditReport}, {@code PatientResult},
 * {@code CriterionResult}, {@code Verdict}, {@code CriterionSummary}, {@code BreastConservation},
 * {@code InputProblem}, {@code ProgressListener}, {@code AuditCancelledException}) are in {@code audit.model}.
 *
 * <h2>Inside</h2>
 * {@code read} partitions the input by patient into bucket files (pass one: a streaming read of each line's
 * type and patient reference; Medications kept apart and given to every patient that points at one), then
 * reads one bucket at a time per thread; {@code judge} audits one patient (scope, acts, the record before each
 * act, the rules of {@code rules/audit.drl}); {@code output} writes the files; {@code cli} is the
 * {@code audit} command. Precise definitions: {@code rules/README.md}, "Audit".
 */
package org.primum.audit;
