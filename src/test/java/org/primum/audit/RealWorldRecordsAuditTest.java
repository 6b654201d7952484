package org.primum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.PatientResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real records of {@code src/test/resources/fixtures/realworld/} (see its SOURCES.md and README.md) audited as a
 * Bulk Data export: each resource on a line of its own, written as the producer wrote it, its references to other
 * entries (by fullUrl) written {@code Type/id} as an export writes them. Every patient the lines name is in the
 * report, audited (per criterion the verdict and the date of the act) or out of scope with her scope; every input
 * problem is reported with its kind and patient, records of an earlier FHIR version among them.
 */
class RealWorldRecordsAuditTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/realworld");
    static final String SYNTHEA_CTM = "Patient/1e208b6b-77f1-4808-a32b-9f9caf1ec334";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Row(String file, String asOf, String why, Map<String, List<String>> patients, List<String> problems) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static Map<String, List<String>> patients(Object... idsAndLines) {
        Map<String, List<String>> map = new TreeMap<>();
        for (int i = 0; i < idsAndLines.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> lines = (List<String>) idsAndLines[i + 1];
            map.put((String) idsAndLines[i], lines);
        }
        return map;
    }

    static List<String> out(String scope) {
        return List.of("out of scope " + scope);
    }

    /** The four criteria a non-palliative LRT act of 02's patient gets on {@code date}. */
    static List<String> slnbActs(String... dates) {
        List<String> lines = new ArrayList<>();
        for (String d : dates) {
            lines.addAll(List.of("SYSTEMIC_BEFORE_LRT CONCORDANT " + d, "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE " + d,
                    "LRT_AFTER_RESPONSE_WINDOW DISCORDANT " + d, "MULTIDISCIPLINARY_DISCUSSION DISCORDANT " + d));
        }
        return lines;
    }

    static List<Row> rows() {
        List<String> twoActs = slnbActs("2018-01-11", "2018-01-26");
        return List.of(
                new Row("01-ctm-breastcancertrials-synthea-stage3a", "2018-12-31", "not metastatic; the HER2 line is invalid R4",
                        patients(SYNTHEA_CTM, out("NO_DISTANT_METASTASIS")), List.of("INVALID_RESOURCE " + SYNTHEA_CTM)),
                new Row("02-ctm-service-synthea-secondary-cerebrum", "2018-12-31",
                        "de novo (brain); the sentinel node biopsies are judged as axillary surgery (knowledge base); the"
                                + " Observations of two other patients make two patients without breast cancer",
                        patients(SYNTHEA_CTM, twoActs, "Patient/mCODEMassiveBioPatientExample1004", out("NO_BREAST_PRIMARY"),
                                "Patient/mCODEPatientExample01", out("NO_BREAST_PRIMARY")),
                        List.of("INVALID_RESOURCE " + SYNTHEA_CTM, "INVALID_RESOURCE " + SYNTHEA_CTM, "INVALID_RESOURCE " + SYNTHEA_CTM,
                                "NO_BREAST_CANCER Patient/mCODEMassiveBioPatientExample1004", "NO_BREAST_CANCER Patient/mCODEPatientExample01")),
                new Row("05-ctm-trialscope-interpretation-object", "2018-12-31",
                        "as 02 without the second sentinel node biopsy entry; the variant Observations (interpretation an object)"
                                + " are the only lines (two) of their patient: unreadable",
                        patients(SYNTHEA_CTM, slnbActs("2018-01-11"), "Patient/mCODEMassiveBioPatientExample1004", out("NO_BREAST_PRIMARY"),
                                "Patient/mCODEPatientExample01", out("UNREADABLE")),
                        List.of("INVALID_RESOURCE " + SYNTHEA_CTM, "INVALID_RESOURCE " + SYNTHEA_CTM, "INVALID_RESOURCE " + SYNTHEA_CTM,
                                "INVALID_RESOURCE Patient/mCODEPatientExample01", "INVALID_RESOURCE Patient/mCODEPatientExample01",
                                "NO_BREAST_CANCER Patient/mCODEMassiveBioPatientExample1004")),
                new Row("07-ctm-app-patient01-nodes-liver-bone", "2019-12-31", "de novo, no locoregional act",
                        patients("Patient/mCODETrialMatchingPatientExample01", out("NO_ACT")), List.of()),
                new Row("08-ctm-app-patient02-bone-lumpectomy", "2019-12-31",
                        "lumpectomy 2019-03-01 and breast radiotherapy 2019-04-01 before any systemic therapy (2019-06-01): up-front LRT",
                        patients("Patient/mCODETrialMatchingPatientExample02", List.of(
                                "SYSTEMIC_BEFORE_LRT DISCORDANT 2019-03-01", "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2019-03-01",
                                "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2019-03-01", "CLEAR_MARGINS NOT_EVALUABLE 2019-03-01",
                                "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2019-03-01",
                                "SYSTEMIC_BEFORE_LRT DISCORDANT 2019-04-01", "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2019-04-01",
                                "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2019-04-01", "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2019-04-01")),
                        List.of()),
                new Row("09-inferno-ccrr-patient-86-brain-metastasis", "2019-12-31",
                        "the chest-wall radiotherapy is dated after the patient's death (1977): reported, not judged",
                        patients("Patient/cancer-86", out("NO_ACT")), List.of("DATED_AFTER_DEATH Patient/cancer-86")),
                new Row("10-inferno-ccrr-content-complete-mixed-patients", "2019-12-31",
                        "seven patients, each her own: Patient/example has the breast primary but no metastasis of her own",
                        patients("Patient/cancer-patient-jenny-m", out("NO_BREAST_PRIMARY"), "Patient/cancer-patient-john-anyperson",
                                out("NO_BREAST_PRIMARY"), "Patient/example", out("NO_DISTANT_METASTASIS"), "Patient/example-Patient",
                                out("NO_BREAST_PRIMARY"), "Patient/example-complete-Patient", out("NO_BREAST_PRIMARY"), "Patient/pat1",
                                out("NO_BREAST_PRIMARY"), "Patient/patient-odh-maya-gordon", out("NO_BREAST_PRIMARY")),
                        List.of("NO_BREAST_CANCER Patient/cancer-patient-jenny-m", "NO_BREAST_CANCER Patient/cancer-patient-john-anyperson",
                                "NO_BREAST_CANCER Patient/example-Patient", "NO_BREAST_CANCER Patient/example-complete-Patient",
                                "NO_BREAST_CANCER Patient/pat1", "NO_BREAST_CANCER Patient/patient-odh-maya-gordon")),
                new Row("13-ccrr-content-docetaxel-no-patient", "2023-12-31",
                        "no Patient resource: the patient the lines name is audited all the same (not metastatic)",
                        patients("Patient/example", out("NO_DISTANT_METASTASIS")), List.of()),
                new Row("14-ctm-ancora-search-bundle-colon", "2024-12-31", "colon cancer",
                        patients("Patient/k6nTBe-AubJMWahAwEnvw", out("NO_BREAST_PRIMARY")),
                        List.of("NO_BREAST_CANCER Patient/k6nTBe-AubJMWahAwEnvw")),
                new Row("15-epic-dstu2-searchset-breast-c79-81", "2024-12-31",
                        "DSTU2 Conditions name their patient by display only: no patient to audit, both lines reported",
                        patients(), List.of("NO_PATIENT_REFERENCE null", "NO_PATIENT_REFERENCE null")),
                new Row("16-iknl-pzp-stu3-palliative-care-plan", "2024-12-31",
                        "STU3: each Observation line refused as not R4 (reported), the patient is still in the report",
                        patients("Patient/ACP-Patient-SamiraVanDerSluijs-Pat2", out("NO_BREAST_PRIMARY")),
                        List.of("NO_BREAST_CANCER Patient/ACP-Patient-SamiraVanDerSluijs-Pat2",
                                "INVALID_RESOURCE Patient/ACP-Patient-SamiraVanDerSluijs-Pat2", "INVALID_RESOURCE Patient/ACP-Patient-SamiraVanDerSluijs-Pat2",
                                "INVALID_RESOURCE Patient/ACP-Patient-SamiraVanDerSluijs-Pat2", "INVALID_RESOURCE Patient/ACP-Patient-SamiraVanDerSluijs-Pat2",
                                "INVALID_RESOURCE Patient/ACP-Patient-SamiraVanDerSluijs-Pat2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyPatientIsInTheReport(Row row) throws IOException {
        Path export = Files.createDirectories(tmp.resolve("export"));
        Files.write(export.resolve("export.ndjson"), exportLines(DIR.resolve(row.file() + ".json")), StandardCharsets.UTF_8);
        try (AuditReport report = AuditTestSupport.audit(export, LocalDate.parse(row.asOf()))) {
            Map<String, List<String>> actual = new TreeMap<>();
            AuditTestSupport.patients(report).forEach((id, p) -> actual.put(id, lines(p)));
            assertThat(actual).as(row.toString()).isEqualTo(row.patients());
            assertThat(report.problems()).as(row + ": input problems")
                    .extracting(p -> p.kind().name() + " " + p.patient()).containsExactlyInAnyOrderElementsOf(row.problems());
        }
    }

    /** Out of scope: "out of scope SCOPE"; audited: "CODE VERDICT date" per criterion result (ids: OtherProducersAuditTest). */
    private static List<String> lines(PatientResult p) {
        if (!p.audited()) return out(p.scope());
        List<String> lines = new ArrayList<>();
        for (CriterionResult c : p.criteria()) lines.add(c.code().replaceFirst("^AUDIT_", "") + " " + c.verdict() + " " + c.date());
        return lines;
    }

    /** The record's resources as export lines, unparsed (an earlier FHIR version must reach the audit as written). */
    private static List<String> exportLines(Path bundle) throws IOException {
        JsonNode root = JSON.readTree(bundle.toFile());
        Map<String, String> byFullUrl = new HashMap<>();
        for (JsonNode e : root.path("entry")) {
            JsonNode r = e.path("resource");
            if (e.hasNonNull("fullUrl") && r.hasNonNull("id")) byFullUrl.put(e.get("fullUrl").asText(), r.get("resourceType").asText() + "/" + r.get("id").asText());
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode e : root.path("entry")) {
            if (!e.path("resource").isObject()) continue;
            JsonNode r = e.get("resource").deepCopy();
            rewrite(r, byFullUrl);
            lines.add(JSON.writeValueAsString(r));
        }
        return lines;
    }

    private static void rewrite(JsonNode node, Map<String, String> byFullUrl) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual() && byFullUrl.containsKey(ref.asText())) o.set("reference", TextNode.valueOf(byFullUrl.get(ref.asText())));
            o.forEach(child -> rewrite(child, byFullUrl));
        } else if (node.isArray()) {
            node.forEach(child -> rewrite(child, byFullUrl));
        }
    }
}
