package org.primum.audit;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.PatientResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public fixtures (real upstream FHIR, see fixtures/public/SOURCES.md) turned into one NDJSON export and
 * audited. None of them is an auditable de novo patient with an act: the one de novo stage IV record
 * (Synthea) had no locoregional therapy, the breast records are M0, one is lung cancer. Each must be in the
 * output, out of scope for the reason its content gives; the lung cancer, and the German record whose ICD-10-GM
 * code the terminology does not know, are reported as patients with no breast cancer.
 */
class PublicFixturesAuditTest {

    @TempDir
    Path tmp;

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");

    /** Fixture → its patient's expected scope. */
    static final Map<String, String> SCOPES = Map.of(
            "synthea-3.3.0-breast-stage4-seed20240101.json", "NO_ACT",
            "mcode-patient-bundle-jenny-m.json", "NO_DISTANT_METASTASIS",
            "mcode-eve-anyperson-breast-lcis.json", "NO_DISTANT_METASTASIS",
            "mcode-john-anyperson-nsclc-brain-mets.json", "NO_BREAST_PRIMARY",
            "mii-onko-mamma-example-bundle-1.json", "NO_DISTANT_METASTASIS",
            "mcode-pathways-synthea-maryam.json", "NO_DISTANT_METASTASIS",
            "mcode-pathways-synthea-T0-patient.json", "NO_DISTANT_METASTASIS",
            "mcode-pathways-synthea-T1-patient.json", "NO_DISTANT_METASTASIS",
            "mcode-pathways-synthea-triple-negative.json", "NO_DISTANT_METASTASIS");

    @Test
    void everyPublicFixtureIsInTheOutputWithItsScope() throws Exception {
        Path export = tmp.resolve("export");
        Map<String, String> patientOf = new TreeMap<>();
        try (Stream<Path> s = Files.list(FIXTURES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Bundle b = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, Files.readString(f));
                AuditTestSupport.writeNdjson(export, b);
                b.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient).findFirst()
                        // a Patient without id of its own takes its fullUrl's (urn:uuid:…), as the audit reads references
                        .ifPresent(e -> patientOf.put(f.getFileName().toString(),
                                "Patient/" + e.getResource().getIdElement().getIdPart().replaceFirst("^urn:uuid:", "")));
            }
        }
        assertThat(patientOf.keySet()).isEqualTo(SCOPES.keySet());
        try (AuditReport report = AuditTestSupport.audit(export, LocalDate.parse("2026-01-01"))) {
            Map<String, PatientResult> patients = AuditTestSupport.patients(report);
            assertThat(patients).hasSize(SCOPES.size());
            assertThat(patients.keySet()).containsExactlyInAnyOrderElementsOf(patientOf.values());
            SCOPES.forEach((fixture, scope) -> assertThat(patients.get(patientOf.get(fixture)).scope()).as(fixture).isEqualTo(scope));
            assertThat(report.audited()).isZero();
            assertThat(report.problems()).extracting(p -> p.kind().name() + " " + p.patient())
                    .containsExactlyInAnyOrder("NO_BREAST_CANCER " + patientOf.get("mcode-john-anyperson-nsclc-brain-mets.json"));
        }
    }
}
