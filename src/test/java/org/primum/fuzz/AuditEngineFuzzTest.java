package org.primum.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 15, deliverable 3: the audit engine itself (as the {@code audit} command runs it) on damaged NDJSON
 * cohorts, without the service: every run completes, never throws, and reports every unreadable line.
 */
@Tag("fuzz")
class AuditEngineFuzzTest {

    @Test
    void auditEngineReportsEveryDamagedCohort() throws Exception {
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        Path work = Files.createDirectories(Path.of("target", "fuzz-audit"));
        ServiceFuzzTest.check(FuzzRunner.run(new AuditEngineTarget(pipeline, work), FuzzSettings.fromSystemProperties(), 0.05, 2));
    }
}
