package org.primum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.primum.audit.model.PatientResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's clean-room audit cohorts (patients whose verdicts auditors wrote from the catalogue before the audit
 * was run: {@code src/test/resources/fixtures/cleanroom-audit*}) and the registry-coded export, read together by both
 * audits: the contract's equality, and the job's own verdicts are the auditors' (code, act date and verdict per
 * patient; scope and out-of-scope reason), so that a difference between the job and the expectations cannot hide
 * behind a difference shared with the one-machine audit.
 */
class SparkCleanRoomCohortsTest extends AuditEqualityContract {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final List<Path> COHORTS = List.of(FIXTURES.resolve("cleanroom-audit"), FIXTURES.resolve("cleanroom-audit2"));

    @Override
    List<Path> input(Path tmp) {
        List<Path> input = new ArrayList<>();
        COHORTS.forEach(c -> input.add(c.resolve("input")));
        input.add(FIXTURES.resolve("registry").resolve("audit-ndjson"));
        return input;
    }

    /** Both clean-room cohorts were written for one date. */
    @Override
    LocalDate asOf() {
        return LocalDate.parse("2026-06-30");
    }

    @Test
    void the_jobs_verdicts_are_the_auditors() throws IOException {
        Map<String, PatientResult> got = VerdictTable.read(spark, actual.out());
        int audited = 0;
        for (Path cohort : COHORTS) {
            JsonNode expectations = new ObjectMapper().readTree(cohort.resolve("expectations.json").toFile());
            assertThat(expectations.get("asOf").asText()).isEqualTo(asOf().toString());
            for (JsonNode p : expectations.get("patients")) {
                String patient = p.get("patient").asText();
                PatientResult result = got.get(patient);
                assertThat(result).as(patient).isNotNull();
                if (!p.get("scope").asText().equals("AUDITED")) {
                    assertThat(result.audited()).as(patient + " out of scope").isFalse();
                    assertThat(result.scope()).as(patient).isEqualTo(p.get("outOfScopeReason").asText());
                    continue;
                }
                audited++;
                List<String> want = new ArrayList<>();
                p.get("criteria").forEach(c -> want.add(c.get("code").asText() + "@" + c.get("date").asText(null) + "="
                        + c.get("verdict").asText()));
                List<String> have = result.criteria().stream()
                        .map(c -> c.code() + "@" + (c.date() == null ? null : c.date().toString()) + "=" + c.verdict()).toList();
                assertThat(have).as(patient).containsExactlyInAnyOrderElementsOf(want);
            }
        }
        assertThat(audited).isGreaterThan(50);
    }
}
