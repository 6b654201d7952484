package org.primum.audit.log;

import org.junit.jupiter.api.Test;
import org.primum.core.Pipeline;
import org.primum.facts.ClinicalRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The logged facts read back as the very record the rules were run on, for every public fixture. */
class FactsJsonTest {

    @Test
    void everyPublicFixtureRoundTripsAndEvaluatesTheSame() throws Exception {
        Pipeline pipeline = Pipelines.current();
        List<Path> fixtures;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures/public"))) {
            fixtures = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(fixtures).isNotEmpty();
        for (Path fixture : fixtures) {
            LocalDate asOf = LocalDate.of(2025, 7, 1);
            Pipeline.Result result = pipeline.evaluate(Files.readAllBytes(fixture), asOf);
            ClinicalRecord back = FactsJson.read(FactsJson.write(result.record(), null, null));
            assertThat(back).as(fixture.toString()).isEqualTo(result.record());
            assertThat(pipeline.evaluate(back, asOf).codes()).as(fixture.toString()).isEqualTo(result.evaluation().codes());
        }
    }

    @Test
    void thePatientReferenceIsReplacedAsAWholeToken() {
        String hash = new PatientHash("s").of("1");
        var record = new ClinicalRecord.Builder();
        record.patient = new org.primum.facts.PatientInfo("Patient/1", 60, "female");
        record.notes.add(new org.primum.facts.MappingNote("t", "see Patient/1 and Patient/12", List.of("Patient/1", "Patient/12")));
        String json = FactsJson.write(record.build(), "Patient/1", hash);
        assertThat(json).doesNotContain("\"Patient/1\"").contains("Patient/12").contains(FactsJson.pseudonym(hash));
        assertThat(FactsJson.read(json).patient().sourceId()).isEqualTo(FactsJson.pseudonym(hash));
    }

    /** The scan replaces exactly what the whole-token pattern it replaced did. */
    @Test
    void theScanReplacesWhatTheWholeTokenPatternDid() {
        String ref = "Patient/p-1";
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(ref) + "(?![A-Za-z0-9\\-.])");
        List<String> texts = List.of("", "none here", ref, ref + ref, ref + "2", ref + ".x", ref + "-", ref + "\"", "[\"" + ref + "\",\"" + ref + "0\"]",
                "Patient/p-Patient/p-1", "xPatient/p-1", "Patient/p-1Patient/p-1 ", "Patient/p-1a Patient/p-1/_history");
        for (String t : texts) {
            assertThat(FactsJson.replaceWholeReference(t, ref, "P#")).as(t).isEqualTo(pattern.matcher(t).replaceAll("P#"));
        }
    }
}
