package org.primum.audit.read;

import org.junit.jupiter.api.Test;
import org.primum.audit.model.InputProblem;
import org.primum.audit.read.LineClassifier.Kind;
import org.primum.audit.read.LineClassifier.Routed;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every destination of a line, as the one-machine audit and the Spark job both route it. */
class LineClassifierTest {

    private static Routed classify(String line) {
        byte[] json = line.getBytes(StandardCharsets.UTF_8);
        return LineClassifier.classify(json, json.length);
    }

    @Test
    void a_resource_the_mapping_reads_goes_to_its_patient() {
        Routed r = classify("{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"}}");
        assertThat(r).isEqualTo(new Routed(Kind.MAPPED, "Condition", "c1", "p1", null, null));

        assertThat(classify("{\"resourceType\":\"Patient\",\"id\":\"p2\"}").patientId()).isEqualTo("p2");
        assertThat(classify("{\"resourceType\":\"Procedure\",\"subject\":{\"reference\":\"urn:uuid:p3\"}}").kind())
                .isEqualTo(Kind.MAPPED);
    }

    @Test
    void only_the_given_length_is_read() {
        byte[] json = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}garbage".getBytes(StandardCharsets.UTF_8);
        assertThat(LineClassifier.classify(json, json.length - "garbage".length()).kind()).isEqualTo(Kind.MAPPED);
        assertThat(LineClassifier.classify(json, json.length).kind()).isEqualTo(Kind.PROBLEM);
    }

    @Test
    void a_medication_with_an_id_is_kept_apart_and_one_without_is_counted() {
        Routed kept = classify("{\"resourceType\":\"Medication\",\"id\":\"m1\",\"subject\":{\"reference\":\"Patient/p1\"}}");
        assertThat(kept.kind()).isEqualTo(Kind.MEDICATION);
        assertThat(kept.id()).isEqualTo("m1");
        assertThat(kept.patientId()).isNull();

        Routed counted = classify("{\"resourceType\":\"Medication\"}");
        assertThat(counted.kind()).isEqualTo(Kind.NOT_USED);
        assertThat(counted.countedAs()).isEqualTo("Medication (no id)");
    }

    @Test
    void a_type_the_mapping_does_not_read_is_counted_and_still_names_its_patient() {
        // (an Encounter is read since it may record a tumour board: an Immunization never matters to the audit)
        Routed named = classify("{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"patient\":{\"reference\":\"Patient/p1\"}}");
        assertThat(named.kind()).isEqualTo(Kind.NOT_USED);
        assertThat(named.countedAs()).isEqualTo("Immunization");
        assertThat(named.patientId()).isEqualTo("p1");

        Routed alone = classify("{\"resourceType\":\"Practitioner\",\"id\":\"d1\"}");
        assertThat(alone.kind()).isEqualTo(Kind.NOT_USED);
        assertThat(alone.patientId()).isNull();
    }

    @Test
    void problems_are_located_with_the_audit_texts_and_quote_no_values() {
        InputProblem notJson = classify("{\"resourceType\":\"Patient\",\"name\":\"Secret\n").problemAt("Patient.ndjson", 7);
        assertThat(notJson.kind()).isEqualTo(InputProblem.Kind.UNREADABLE_LINE);
        assertThat(notJson.file()).isEqualTo("Patient.ndjson");
        assertThat(notJson.line()).isEqualTo(7);
        assertThat(notJson.detail()).startsWith("not one JSON object: ").doesNotContain("\n").doesNotContain("Secret");

        assertThat(classify("[1,2]").problem()).isEqualTo(InputProblem.Kind.UNREADABLE_LINE);
        assertThat(classify("{\"a\":1}{\"b\":2}").problem()).isEqualTo(InputProblem.Kind.UNREADABLE_LINE);
        assertThat(classify("{\"id\":\"x\"}").problemAt("f", 1))
                .isEqualTo(new InputProblem(InputProblem.Kind.UNREADABLE_LINE, "f", 1, null, "no resourceType"));
        assertThat(classify("{\"resourceType\":\"Tumour\",\"subject\":{\"reference\":\"Patient/p1\"}}").problemAt("f", 2))
                .isEqualTo(new InputProblem(InputProblem.Kind.UNKNOWN_RESOURCE_TYPE, "f", 2, "Patient/p1",
                        "resourceType Tumour is not a FHIR R4 resource type"));
        assertThat(classify("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Group/g1\"}}").problemAt("f", 3))
                .isEqualTo(new InputProblem(InputProblem.Kind.NO_PATIENT_REFERENCE, "f", 3, null,
                        "Observation names no patient (subject, patient)"));
        assertThat(classify("{\"resourceType\":\"Patient\"}").problemAt("f", 4).detail()).isEqualTo("Patient without an id");
    }

    @Test
    void only_a_problem_has_a_located_problem() {
        assertThatThrownBy(() -> classify("{\"resourceType\":\"Patient\",\"id\":\"p1\"}").problemAt("f", 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
