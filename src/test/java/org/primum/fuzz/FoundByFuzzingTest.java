package org.primum.fuzz;

import org.junit.jupiter.api.Test;
import org.primum.api.validation.ProfileValidator;
import org.primum.audit.read.Route;
import org.primum.fhir.terminology.Terminology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The faults the fuzz tests found, each pinned by its minimised input so that it stays fixed without a fuzz run. */
class FoundByFuzzingTest {

    private static Route route(String line) throws Exception {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return Route.of(b, b.length);
    }

    /** audit-http #1 and #110: {@code "subject":{"reference":"urn:uuid:"}} made a patient with an empty id, whose evaluation failed the whole audit job. */
    @Test
    void aBlankPatientReferenceNamesNoPatient() throws Exception {
        assertThat(Route.patientId("urn:uuid:")).isNull();
        assertThat(Route.patientId("urn:uuid:  ")).isNull();
        assertThat(Route.patientId("Patient/ ")).isNull();
        assertThat(Route.medicationId("urn:uuid:")).isNull();
        assertThat(Route.medicationId("Medication/")).isNull();
        assertThat(route("{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"urn:uuid:\"}}").patientId()).isNull();
        assertThat(route("{\"resourceType\":\"Patient\",\"id\":\"\"}").patientId()).isNull();
        assertThat(route("{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"urn:uuid:p1\"}}").patientId()).isEqualTo("p1");
    }

    /**
     * audit-engine #873: a 1 MB string as an ICD-10-CM code; looking up each of its prefixes as a possible ancestor
     * took minutes (a hang on every endpoint). The walk now starts at the longest listed code, with the same answer.
     */
    @Test
    void aMegabyteCodeIsLookedUpAtOnceWithTheAnswerOfItsListedAncestor() {
        Terminology t = Terminology.load(Path.of("fhir-profiles"));
        String huge = "C50.911" + "1".repeat(1 << 20);
        // the timeout detects a hang only: the lookup takes milliseconds
        boolean hit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> t.isPrimaryBreastCancer(Terminology.ICD10CM, huge));
        assertThat(hit).isEqualTo(t.isPrimaryBreastCancer(Terminology.ICD10CM, "C50.9111")).isTrue();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> t.isPrimaryBreastCancer(Terminology.ICD10CM, "Z" + huge))).isFalse();
    }

    /**
     * tumour-board with {@code Prefer: handling=strict} (profile validation): {@code meta.profile[0]} given as an object
     * (left empty by lenient parsing) threw in HAPI's {@code Meta.hasProfile}, and HAPI's validator itself throws on some
     * malformed references; both were 500s. Now the first is no declared profile and the second an error issue.
     */
    @Test
    void theProfileValidatorAnswersMalformedProfilesAndReferences() {
        ProfileValidator v = ProfileValidator.load(Path.of("fhir-profiles/structure"), Path.of("fhir-profiles"));
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"Patient/%00","resource":{"resourceType":"Patient","id":"p1","meta":{"profile":[{"value":"x"}]}}},
                 {"fullUrl":"http://x/..","resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/"},
                  "code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]}}}]}""";
        ProfileValidator.Outcome outcome = v.validate(bundle.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.operationOutcomeJson()).contains("OperationOutcome");
        assertThat(outcome.hasErrors()).isTrue();
    }
}
