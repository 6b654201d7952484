package org.primum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.PatientResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bulk Data export written by another tool, audited as an auditor receives it: SMART's sample export of Synthea
 * patients ({@code src/test/resources/fixtures/bulk-real/}, see its SOURCES.md for the source, the licence, the
 * subset kept and the expectations written before the first run). One file per resource type, the export client's
 * own {@code log.ndjson} beside them, types we do not read (notes, encounters, immunisations, devices, the
 * organisations and practitioners that belong to no patient). Every input patient must come out with the scope an
 * auditor would give her, every line be counted, and the only problems be the log's lines, located.
 */
class RealBulkExportTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/bulk-real");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    /** The export's only breast cancer (1989-04-10): no metastasis, an earlier lung cancer, died 1989-05-09. */
    static final String BREAST = "Patient/129c6ac7-8d06-89de-ad63-0204a93e76c3";
    static final List<String> NO_BREAST_CANCER = List.of(
            "Patient/3af3708d-41f1-cd80-f3dd-ec5ac76072bf", "Patient/7bc002fa-dc52-17d6-1563-fd8901826f7d",
            "Patient/a4a401d1-a46a-eb4a-8a38-760d5d79d6ec", "Patient/bb6a9034-2f23-2508-d29d-35efee156dc9",
            "Patient/cbc86e51-9eca-3855-76ec-c058f72c5761");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theSampleIsTheExportsLinesByType() throws IOException {
        // the fixture as documented in SOURCES.md: if it is edited, the expectations below no longer rest on it
        Map<String, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                lines.put(f.getFileName().toString(), (long) Files.readAllLines(f, StandardCharsets.UTF_8).size());
            }
        }
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("AllergyIntolerance.000.ndjson", 8L), Map.entry("Condition.000.ndjson", 138L),
                Map.entry("Device.000.ndjson", 8L), Map.entry("DocumentReference.000.ndjson", 217L),
                Map.entry("Encounter.000.ndjson", 217L), Map.entry("Immunization.000.ndjson", 65L),
                Map.entry("Location.000.ndjson", 44L), Map.entry("MedicationRequest.000.ndjson", 476L),
                Map.entry("Organization.000.ndjson", 43L), Map.entry("Patient.000.ndjson", 6L),
                Map.entry("Practitioner.000.ndjson", 43L), Map.entry("PractitionerRole.000.ndjson", 43L),
                Map.entry("Procedure.000.ndjson", 808L), Map.entry("log.ndjson", 4L)));
    }

    @Test
    void everyPatientHasHerScopeEveryLineIsCountedAndOnlyTheLogIsAProblem() {
        try (AuditReport report = AuditTestSupport.audit(DIR, AS_OF)) {
            Map<String, PatientResult> patients = AuditTestSupport.patients(report);
            assertThat(patients).hasSize(6);
            assertThat(report.patients()).isEqualTo(6);
            assertThat(report.audited()).isZero();
            // the breast cancer is found; the lung cancer before it is another primary, not a metastasis
            assertThat(patients.get(BREAST).scope()).isEqualTo("NO_DISTANT_METASTASIS");
            assertThat(patients.get(BREAST).outOfScope()).contains("no distant metastasis");
            for (String p : NO_BREAST_CANCER) assertThat(patients.get(p).scope()).as(p).isEqualTo("NO_BREAST_PRIMARY");
            assertThat(report.outOfScope()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("NO_BREAST_PRIMARY", 5L, "NO_DISTANT_METASTASIS", 1L));

            assertThat(report.linesRead()).isEqualTo(2120);
            // types the mapping does not read are counted, never a problem (nor "a resource without a patient")
            assertThat(report.notUsed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "AllergyIntolerance", 8L, "Device", 8L, "DocumentReference", 217L, "Immunization", 65L,
                    "Location", 44L, "Organization", 43L, "Practitioner", 43L, "PractitionerRole", 43L));

            assertThat(report.problemCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    InputProblem.Kind.UNREADABLE_LINE, 4L, InputProblem.Kind.NO_BREAST_CANCER, 5L));
            assertThat(report.problems()).extracting(p -> p.kind() + " " + p.file() + ":" + p.line() + " " + p.patient())
                    .containsExactlyInAnyOrder(
                            "UNREADABLE_LINE log.ndjson:1 null", "UNREADABLE_LINE log.ndjson:2 null",
                            "UNREADABLE_LINE log.ndjson:3 null", "UNREADABLE_LINE log.ndjson:4 null",
                            "NO_BREAST_CANCER Patient.000.ndjson:2 " + NO_BREAST_CANCER.get(0),
                            "NO_BREAST_CANCER Patient.000.ndjson:3 " + NO_BREAST_CANCER.get(1),
                            "NO_BREAST_CANCER Patient.000.ndjson:4 " + NO_BREAST_CANCER.get(2),
                            "NO_BREAST_CANCER Patient.000.ndjson:5 " + NO_BREAST_CANCER.get(3),
                            "NO_BREAST_CANCER Patient.000.ndjson:6 " + NO_BREAST_CANCER.get(4));
        }
    }

    @Test
    void theBreastCancerPatientAtEarlierDates() {
        // before her breast cancer was diagnosed (1989-04-10) she had none; between it and her death, still no
        // metastasis: her deceased status never turns her into a de novo or recurrent case
        assertThat(scopeOfBreastPatientAt(LocalDate.of(1989, 4, 9))).isEqualTo("NO_BREAST_PRIMARY");
        assertThat(scopeOfBreastPatientAt(LocalDate.of(1989, 4, 30))).isEqualTo("NO_DISTANT_METASTASIS");
    }

    private String scopeOfBreastPatientAt(LocalDate asOf) {
        try (AuditReport report = AuditTestSupport.audit(DIR, asOf)) {
            return AuditTestSupport.patients(report).get(BREAST).scope();
        }
    }

    @Test
    void herLungCancersChemotherapyIsNotTherapyForHerBreastCancer() throws IOException {
        // [fixed] cisplatin/paclitaxel (442 requests) given for her lung cancer (reasonReference), the last course 1989-03-29..04-01,
        // within 30 days before the breast diagnosis: it started the breast cancer's therapy clock ("4 weeks" on 1989-04-30)
        com.fasterxml.jackson.databind.node.ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        com.fasterxml.jackson.databind.node.ArrayNode entries = bundle.putArray("entry");
        String id = BREAST.substring("Patient/".length());
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JsonNode r = JSON.readTree(line);
                    if (!r.has("resourceType")) continue;
                    JsonNode subject = r.has("subject") ? r.get("subject") : r.get("patient");
                    boolean hers = id.equals(r.path("id").asText()) && "Patient".equals(r.get("resourceType").asText())
                            || subject != null && subject.path("reference").asText().endsWith(id);
                    if (hers) entries.addObject().put("fullUrl", r.get("resourceType").asText() + "/" + r.get("id").asText()).set("resource", r);
                }
            }
        }
        var result = AuditTestSupport.PIPELINE.evaluate(JSON.writeValueAsBytes(bundle), LocalDate.of(1989, 4, 30));
        assertThat(result.record().primaries()).hasSize(1);
        assertThat(result.record().therapies()).isEmpty();
        assertThat(result.record().notes()).anyMatch(n -> n.text().contains("another disease") && n.sourceIds().size() == 442);
    }

    @Test
    void theExportAsOneMixedUploadGivesTheSameAnswerWithTheUploadsLineNumbers() throws IOException {
        // POST /audit receives the files as one NDJSON body: the same patients, the problems at their line there
        Path upload = tmp.resolve("upload.ndjson");
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
                all.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        Files.write(upload, all, StandardCharsets.UTF_8);
        try (AuditReport report = AuditTestSupport.audit(upload, AS_OF)) {
            Map<String, String> scopes = new TreeMap<>();
            AuditTestSupport.patients(report).forEach((id, p) -> scopes.put(id, p.scope()));
            Map<String, String> expected = new TreeMap<>();
            NO_BREAST_CANCER.forEach(p -> expected.put(p, "NO_BREAST_PRIMARY"));
            expected.put(BREAST, "NO_DISTANT_METASTASIS");
            assertThat(scopes).isEqualTo(expected);
            assertThat(report.linesRead()).isEqualTo(2120);
            // the log's lines are the last four of the upload (files in name order, log.ndjson last)
            assertThat(report.problems()).filteredOn(p -> p.kind() == InputProblem.Kind.UNREADABLE_LINE)
                    .extracting(InputProblem::line).containsExactlyInAnyOrder(2117L, 2118L, 2119L, 2120L);
        }
    }

    @Test
    void theFourOutputsAgree() throws IOException {
        Path out = tmp.resolve("out");
        try (AuditReport report = AuditTestSupport.audit(DIR, AS_OF)) {
            AuditOutputs.writeAll(report, out);
        }
        JsonNode audit = JSON.readTree(out.resolve("audit.json").toFile());
        assertThat(audit.get("patients")).isEmpty();
        Map<String, String> jsonScopes = new TreeMap<>();
        audit.get("outOfScope").forEach(o -> jsonScopes.put(o.get("patient").asText(), o.get("scope").asText()));
        assertThat(jsonScopes).hasSize(6).containsEntry(BREAST, "NO_DISTANT_METASTASIS");

        // the CSV: one row per patient out of scope, her scope in the last column
        List<String> csv = Files.readAllLines(out.resolve("audit.csv"), StandardCharsets.UTF_8);
        Map<String, String> csvScopes = csv.stream().skip(1)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l.substring(l.lastIndexOf(',') + 1),
                        (a, b) -> a, TreeMap::new));
        assertThat(csvScopes).isEqualTo(jsonScopes);

        // the MeasureReport: every population of every group empty, as nobody was audited
        JsonNode measure = JSON.readTree(out.resolve("measure-report.json").toFile());
        assertThat(measure.get("resourceType").asText()).isEqualTo("MeasureReport");
        assertThat(measure.get("group")).isNotEmpty();
        measure.get("group").forEach(g -> g.get("population")
                .forEach(p -> assertThat(p.get("count").asInt()).as(g.toString()).isZero()));

        // the HTML page names the problems' patients and files
        String html = Files.readString(out.resolve("audit.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("NO_DISTANT_METASTASIS", "log.ndjson");
        NO_BREAST_CANCER.forEach(p -> assertThat(html).contains(p));
    }
}
