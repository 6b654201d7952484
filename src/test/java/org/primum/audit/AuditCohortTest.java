package org.primum.audit;

import org.hl7.fhir.r4.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.model.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cohort as a Bulk Data export really comes: the patients' resources interleaved over several files (one
 * of them gzipped) in no order, a Medication shared by reference, and bad lines among them. Every patient is
 * in the output with the same verdicts as alone; every bad line is reported with its file and line.
 */
class AuditCohortTest {

    @TempDir
    Path tmp;

    private static final LocalDate AS_OF = LocalDate.parse("2025-12-31");

    @Test
    void interleavedPatientsAcrossFilesGetTheirOwnVerdictsAndBadLinesAreReported() throws Exception {
        List<Bundle> bundles = new ArrayList<>();
        Map<String, AuditScenario> scenarios = new TreeMap<>();
        int n = 0;
        for (String name : List.of("up-front-mastectomy-discordant.yaml", "lumpectomy-after-response-window-concordant.yaml",
                "mastectomy-during-distant-progression.yaml", "recurrent-disease-out-of-scope.yaml")) {
            AuditScenario s = AuditScenario.read(AuditScenario.DIR.resolve(name));
            Bundle b = s.bundle();
            String id = "p" + (++n);
            renamePatient(b, id);
            bundles.add(b);
            scenarios.put("Patient/" + id, s);
        }
        // patient p2's letrozole points at a Medication of the export, shared by p3
        shareMedication(bundles.get(1), bundles.get(2));

        List<String> lines = new ArrayList<>();
        for (Bundle b : bundles) for (Bundle.BundleEntryComponent e : b.getEntry()) lines.add(AuditTestSupport.line(e.getResource()));
        Medication med = new Medication();
        med.setId("med-letrozole");
        med.getCode().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("72965").setDisplay("letrozole");
        lines.add(AuditTestSupport.line(med));
        Collections.shuffle(lines, new Random(12));
        List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < lines.size(); i++) parts.get(i % 3).add(lines.get(i));

        Patient noCancer = new Patient();
        noCancer.setId("p9");
        parts.get(0).add(0, AuditTestSupport.line(noCancer));                      // part-1.ndjson line 1
        parts.get(1).add(1, "{\"resourceType\": \"Condition\", \"id\": ");          // part-2.ndjson line 2: broken JSON
        parts.get(1).add(2, "{\"resourceType\":\"MedicinalProductX\",\"id\":\"x\"}"); // line 3: not an R4 type
        parts.get(1).add(3, "{\"resourceType\":\"Condition\",\"id\":\"orphan\",\"code\":{\"text\":\"x\"}}"); // line 4: no patient
        parts.get(1).add(4, "{\"resourceType\":\"Observation\",\"id\":\"bad-date\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2025-02-30\"}"); // line 5: invalid FHIR

        Path dir = tmp.resolve("export");
        Files.createDirectories(dir);
        Files.write(dir.resolve("part-1.ndjson"), parts.get(0), StandardCharsets.UTF_8);
        Files.write(dir.resolve("part-2.ndjson"), parts.get(1), StandardCharsets.UTF_8);
        AuditTestSupport.gzip(dir.resolve("part-3.ndjson.gz"), parts.get(2));
        Files.writeString(dir.resolve("README.txt"), "not input");

        try (AuditReport report = AuditTestSupport.audit(dir, AS_OF)) {
            Map<String, PatientResult> patients = AuditTestSupport.patients(report);
            assertThat(patients.keySet()).containsExactly("Patient/p1", "Patient/p2", "Patient/p3", "Patient/p4", "Patient/p9");
            for (Map.Entry<String, AuditScenario> e : scenarios.entrySet()) {
                PatientResult p = patients.get(e.getKey());
                if (e.getValue().outOfScope() != null) {
                    assertThat(p.scope()).as(e.getKey()).isEqualTo(e.getValue().outOfScope());
                } else {
                    Map<String, String> actual = new TreeMap<>();
                    AuditTestSupport.worst(p).forEach((code, v) -> actual.put(code, v.name()));
                    assertThat(actual).as(e.getKey() + " " + e.getValue().name()).isEqualTo(e.getValue().verdicts());
                }
            }
            assertThat(patients.get("Patient/p9").scope()).isEqualTo("NO_BREAST_PRIMARY");
            // the shared Medication made letrozole known to p2: systemic therapy before the lumpectomy
            assertThat(patients.get("Patient/p2").criteria()).anySatisfy(c -> {
                assertThat(c.code()).isEqualTo("AUDIT_SYSTEMIC_BEFORE_LRT");
                assertThat(c.verdict()).isEqualTo(Verdict.CONCORDANT);
                assertThat(c.resourceIds()).contains("MedicationRequest/letrozole");
            });

            assertThat(report.problems()).extracting(p -> p.kind() + " " + p.file() + ":" + p.line()).contains(
                    "UNREADABLE_LINE part-2.ndjson:2", "UNKNOWN_RESOURCE_TYPE part-2.ndjson:3",
                    "NO_PATIENT_REFERENCE part-2.ndjson:4", "INVALID_RESOURCE part-2.ndjson:5",
                    "NO_BREAST_CANCER part-1.ndjson:1");
            assertThat(report.problemCount()).isEqualTo(5);
            assertThat(report.patients()).isEqualTo(5);
            assertThat(report.audited()).isEqualTo(3);
            CriterionSummary systemic = report.summary().get(0);
            assertThat(systemic.code()).isEqualTo("AUDIT_SYSTEMIC_BEFORE_LRT");
            assertThat(List.of(systemic.concordant(), systemic.discordant(), systemic.notEvaluable())).containsExactly(2L, 1L, 0L);
            assertThat(report.breastConservation().breastSurgeries()).isEqualTo(3);
            assertThat(report.breastConservation().breastConservingSurgeries()).isEqualTo(1);
        }
    }

    @Test
    void theSameCohortGivesTheSameOutputWhateverTheThreadsAndBuckets() throws Exception {
        Path dir = tmp.resolve("same");
        for (Path f : AuditScenario.files()) AuditTestSupport.writeNdjson(dir.resolve(f.getFileName().toString()), renamed(f));
        List<String> outputs = new ArrayList<>();
        for (AuditOptions o : List.of(AuditOptions.defaults(AS_OF).withThreads(1).withBucketBytes(1L << 30),
                AuditOptions.defaults(AS_OF).withThreads(2).withBucketBytes(1 << 10))) {
            List<Path> inputs = new ArrayList<>();
            try (var s = Files.list(dir)) {
                s.sorted().forEach(inputs::add);
            }
            try (AuditReport report = AuditTestSupport.ENGINE.run(new AuditInput(inputs), o, ProgressListener.NONE, () -> false)) {
                Map<String, PatientResult> sorted = AuditTestSupport.patients(report);
                outputs.add(sorted.toString() + report.summary());
            }
        }
        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    }

    private static Bundle renamed(Path scenario) {
        Bundle b = AuditScenario.read(scenario).bundle();
        renamePatient(b, scenario.getFileName().toString().replace(".yaml", ""));
        return b;
    }

    /** Gives the patient another id (every scenario calls her "pt") and repoints every subject at her. */
    static void renamePatient(Bundle bundle, String id) {
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r instanceof Patient p) p.setId(id);
            if (r instanceof DomainResource) {
                var subject = r.getNamedProperty("subject");
                if (subject != null && subject.hasValues() && subject.getValues().get(0) instanceof Reference ref) {
                    ref.setReference("Patient/" + id);
                }
            }
        }
    }

    private static void shareMedication(Bundle... bundles) {
        for (Bundle b : bundles) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                if (e.getResource() instanceof MedicationRequest mr && mr.getIdElement().getIdPart().equals("letrozole")) {
                    mr.setMedication(new Reference("Medication/med-letrozole"));
                }
            }
        }
    }
}
