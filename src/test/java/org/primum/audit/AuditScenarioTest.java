package org.primum.audit;

import org.primum.audit.model.*;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each audit scenario as a cohort of one, through the whole audit (NDJSON per resource type, partitioning,
 * the core, the audit rules); and every criterion has a concordant, a discordant and (where the catalogue
 * has one) a not-evaluable scenario.
 */
class AuditScenarioTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyScenarioGetsItsVerdicts() {
        return AuditScenario.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            AuditScenario s = AuditScenario.read(file);
            Path dir = tmp.resolve(s.name());
            AuditTestSupport.writeNdjson(dir, s.bundle());
            try (AuditReport report = AuditTestSupport.audit(dir, LocalDate.parse(s.asOf()))) {
                Map<String, PatientResult> patients = AuditTestSupport.patients(report);
                assertThat(patients).as(s.name() + ": one patient").hasSize(1);
                PatientResult p = patients.values().iterator().next();
                if (s.outOfScope() != null) {
                    assertThat(p.audited()).as(s.name() + " out of scope").isFalse();
                    assertThat(p.scope()).as(s.name() + " scope").isEqualTo(s.outOfScope());
                } else {
                    assertThat(p.outOfScope()).as(s.name() + " audited").isNull();
                    Map<String, String> actual = new TreeMap<>();
                    AuditTestSupport.worst(p).forEach((code, v) -> actual.put(code, v.name()));
                    assertThat(actual).as(s.name() + " verdicts; criteria: " + p.criteria()).isEqualTo(s.verdicts());
                }
                assertThat(report.problemCount()).as(s.name() + " input problems: " + report.problems()).isZero();
            }
        }));
    }

    @Test
    void everyCriterionHasAScenarioForEachOfItsVerdicts() {
        Map<String, Set<String>> seen = new TreeMap<>();
        for (Path file : AuditScenario.files()) {
            AuditScenario s = AuditScenario.read(file);
            assertThat(s.description()).as(file + " description").isNotBlank();
            s.verdicts().forEach((code, verdict) -> seen.computeIfAbsent(code, k -> new TreeSet<>()).add(verdict));
        }
        for (String code : Criteria.CODES) {
            // the catalogue gives AUDIT_MULTIDISCIPLINARY_DISCUSSION no "not evaluable"
            Set<String> expected = code.equals("AUDIT_MULTIDISCIPLINARY_DISCUSSION")
                    ? Set.of("CONCORDANT", "DISCORDANT") : Set.of("CONCORDANT", "DISCORDANT", "NOT_EVALUABLE");
            assertThat(seen.getOrDefault(code, Set.of())).as(code).containsAll(expected);
        }
    }
}
