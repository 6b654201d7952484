package org.primum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.CriterionSummary;
import org.primum.audit.model.PatientResult;
import org.primum.engine.AuditRule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean-room cohort (a folder of fixtures whose expected verdicts were written from the catalogue before the
 * audit's code was read; see its README) audited as an auditor runs it: every patient in the output with her
 * scope, every act's verdict per criterion with the reason of the case that applied and the resource ids that
 * decided it, the per-patient breast operations, the input problems, and the cohort's figures, also as the
 * MeasureReport gives them. One subclass per cohort names its folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CleanRoomCohortTest {

    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode expected;
    AuditReport report;
    Map<String, PatientResult> patients;

    /** The cohort's folder: input/ (the NDJSON) and expectations.json. */
    abstract Path folder();

    @BeforeAll
    void audit() throws IOException {
        expected = JSON.readTree(folder().resolve("expectations.json").toFile());
        report = AuditTestSupport.audit(folder().resolve("input"), LocalDate.parse(expected.get("asOf").asText()));
        patients = AuditTestSupport.patients(report);
    }

    @AfterAll
    void close() {
        if (report != null) report.close();
    }

    @Test
    void everyInputPatientIsInTheOutputWithTheExpectedScope() {
        Map<String, String> scopes = new TreeMap<>();
        expected.get("patients").forEach(p -> scopes.put(p.get("patient").asText(),
                p.get("scope").asText().equals("AUDITED") ? "AUDITED" : p.get("outOfScopeReason").asText()));
        Map<String, String> actual = new TreeMap<>();
        patients.values().forEach(p -> actual.put(p.patient(), p.audited() ? "AUDITED" : p.scope()));
        assertThat(actual).isEqualTo(scopes);
        for (JsonNode p : expected.get("patients")) {
            if (p.get("scope").asText().equals("AUDITED")) continue;
            assertThat(patients.get(p.get("patient").asText()).outOfScope()).as(p.get("patient").asText() + ": the reason it was not audited")
                    .contains(p.get("reasonSays").asText());
        }
    }

    @Test
    void theInputProblemsAreReportedForTheirPatients() {
        Set<String> want = new TreeSet<>();
        expected.get("patients").forEach(p -> {
            if (p.hasNonNull("inputProblem")) want.add(p.get("inputProblem").asText() + " " + p.get("patient").asText());
        });
        Set<String> got = new TreeSet<>();
        report.problems().forEach(pr -> {
            got.add(pr.kind() + " " + pr.patient());
            assertThat(pr.file()).as(pr.kind() + ": located").containsPattern("\\.ndjson(\\.gz)?$");
            assertThat(pr.line()).as(pr.kind() + ": located").isPositive();
        });
        assertThat(got).isEqualTo(want);
    }

    @Test
    void everyVerdictHasTheExpectedCaseAndDecidingRecords() {
        for (JsonNode p : expected.get("patients")) {
            if (!p.get("scope").asText().equals("AUDITED")) continue;
            String patient = p.get("patient").asText();
            PatientResult result = patients.get(patient);
            List<String> expectedKeys = new ArrayList<>();
            for (JsonNode c : p.get("criteria")) {
                String key = key(c.get("code").asText(), c.get("date").isNull() ? null : c.get("date").asText(), c.get("verdict").asText());
                expectedKeys.add(key);
                List<CriterionResult> found = result.criteria().stream()
                        .filter(r -> key(r.code(), r.date() == null ? null : r.date().toString(), r.verdict().name()).equals(key)).toList();
                assertThat(found).as(patient + " " + key + " (" + c.get("why").asText() + ")").hasSize(1);
                CriterionResult r = found.get(0);
                String reason = reasonOf(c.get("code").asText(), c.get("verdict").asText(), c.hasNonNull("case") ? c.get("case").asText() : null);
                assertThat(r.reason()).as(patient + " " + key + ": the reason of the case").isEqualTo(reason);
                List<String> deciding = new ArrayList<>();
                c.get("decidingIds").forEach(id -> deciding.add(id.asText()));
                assertThat(r.resourceIds()).as(patient + " " + key + ": the records that decided it").containsAll(deciding);
                // every id is one of this patient's records (fixture ids are prefixed with the patient's id)
                String prefix = patient.substring("Patient/".length()) + "-";
                r.resourceIds().forEach(id -> assertThat(id).as(patient + " " + key).contains("/" + prefix));
            }
            List<String> actualKeys = result.criteria().stream()
                    .map(r -> key(r.code(), r.date() == null ? null : r.date().toString(), r.verdict().name())).toList();
            assertThat(actualKeys).as(patient + ": the verdicts, no more").containsExactlyInAnyOrderElementsOf(expectedKeys);
            assertThat(result.breastSurgeries()).as(patient + ": breast operations of the primary").isEqualTo(p.get("breastSurgeries").asInt());
            assertThat(result.breastConserving()).as(patient + ": breast-conserving ones").isEqualTo(p.get("breastConserving").asInt());
        }
    }

    @Test
    void theCohortsFiguresAreTheExpectedOnes() {
        Map<String, List<Long>> summary = new LinkedHashMap<>();
        for (CriterionSummary s : report.summary()) {
            if (s.concordant() + s.discordant() + s.notEvaluable() > 0) {
                summary.put(s.code(), List.of(s.concordant(), s.discordant(), s.notEvaluable()));
            }
        }
        Map<String, List<Long>> want = new LinkedHashMap<>();
        expected.get("summary").forEach(s -> want.put(s.get("code").asText(),
                List.of(s.get("concordant").asLong(), s.get("discordant").asLong(), s.get("notEvaluable").asLong())));
        assertThat(summary).isEqualTo(want);
        JsonNode bc = expected.get("breastConservation");
        assertThat(report.breastConservation().breastConservingSurgeries()).isEqualTo(bc.get("breastConserving").asLong());
        assertThat(report.breastConservation().breastSurgeries()).isEqualTo(bc.get("breastSurgeries").asLong());
        assertThat(report.patients()).isEqualTo(expected.get("patients").size());
    }

    @Test
    void theMeasureReportCountsWhatTheJsonCounts(@TempDir Path out) throws IOException {
        AuditOutputs.writeAll(report, out);
        JsonNode json = JSON.readTree(out.resolve(AuditOutputs.JSON).toFile());
        JsonNode measure = JSON.readTree(out.resolve(AuditOutputs.MEASURE_REPORT).toFile());
        Map<String, JsonNode> groups = new HashMap<>();
        measure.get("group").forEach(g -> groups.put(g.get("code").get("coding").get(0).get("code").asText(), g));
        for (JsonNode s : json.get("summary")) {
            JsonNode g = groups.get(s.get("code").asText());
            assertThat(g).as(s.get("code").asText()).isNotNull();
            assertThat(population(g, "numerator")).isEqualTo(s.get("concordant").asLong());
            assertThat(population(g, "denominator")).isEqualTo(s.get("concordant").asLong() + s.get("discordant").asLong());
            assertThat(population(g, "denominator-exclusion")).isEqualTo(s.get("notEvaluable").asLong());
        }
    }

    private static long population(JsonNode group, String code) {
        for (JsonNode p : group.get("population")) {
            if (p.get("code").get("coding").get(0).get("code").asText().equals(code)) return p.get("count").asLong();
        }
        throw new AssertionError("no population " + code);
    }

    private static String key(String code, String date, String verdict) {
        return code + "@" + date + "=" + verdict;
    }

    /**
     * The reason of the rule giving this verdict for this case: the case is the end of the rule's name
     * ("Audit: …, not evaluable, act undated"); without a case, the rule whose name ends with the verdict.
     */
    private static String reasonOf(String code, String verdict, String kase) {
        String ending = ", " + (kase == null ? verdict.toLowerCase(Locale.ROOT).replace('_', ' ') : kase);
        List<AuditRule> named = AuditTestSupport.PIPELINE.knowledgeBase().auditRules().stream()
                .filter(r -> r.code().equals(code) && r.verdict().equals(verdict) && r.rule().endsWith(ending)).toList();
        assertThat(named).as(code + " " + verdict + (kase == null ? "" : ", case " + kase)).hasSize(1);
        return named.get(0).reason();
    }
}
