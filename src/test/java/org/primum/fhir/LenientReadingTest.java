package org.primum.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.primum.facts.InvalidElement;
import org.primum.facts.InvalidElement.LeftOut;
import org.primum.input.Handling;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FhirJsonReader} in both modes on the invalid elements real records carry: strict refuses the input at
 * a location naming the entry, lenient leaves out the element (or its resource) and says where.
 */
class LenientReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}";
    private static final String TWO_VALUES = "{\"resourceType\":\"Observation\",\"id\":\"er\",\"status\":\"final\",\"code\":{\"text\":\"ER\"},"
            + "\"valueCodeableConcept\":{\"text\":\"positive\"},\"valueString\":\"positive\",\"effectiveDateTime\":\"2025-01-10\"}";
    private static final String IMPOSSIBLE_DATE = "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2025-02-30\"}";

    private final FhirJsonReader reader = new FhirJsonReader();

    private static String bundle(String... resources) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"fullUrl\":\"urn:uuid:e").append(i).append("\",\"resource\":").append(resources[i]).append('}');
        }
        return sb.append("]}").toString();
    }

    private FhirJsonReader.Parsed lenient(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), Handling.LENIENT);
    }

    private InvalidInputException strict(String json) {
        try {
            reader.read(json.getBytes(StandardCharsets.UTF_8), Handling.STRICT);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static Bundle bundleOf(FhirJsonReader.Parsed parsed) {
        return (Bundle) parsed.resource();
    }

    /** Issue 11, class 9: two value[x] were "value may appear only once" at "value"; now the entry is named. */
    @Test
    void aChoiceElementGivenTwiceIsLocatedInItsEntryInStrictMode() {
        var e = strict(bundle(PATIENT, TWO_VALUES));
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("structure");
        assertThat(e.location()).isEqualTo("Bundle.entry[1].resource.value[x]");
        assertThat(e.getMessage()).contains("value[x]", "valueCodeableConcept", "valueString").doesNotContain("positive");
    }

    @Test
    void aChoiceElementGivenTwiceLeavesItsObservationOutInLenientMode() {
        var parsed = lenient(bundle(PATIENT, TWO_VALUES));
        assertThat(parsed.leftOut()).containsExactly(new InvalidElement("Bundle.entry[1].resource.value[x]", "Observation",
                "two values of one choice element", LeftOut.RESOURCE, List.of("Observation/er")));
        assertThat(parsed.resourceCount()).isEqualTo(1);
        assertThat(bundleOf(parsed).getEntry()).hasSize(2);
        assertThat(bundleOf(parsed).getEntry().get(1).hasResource()).isFalse();
        assertThat(bundleOf(parsed).getEntry().get(0).getResource()).isInstanceOf(Patient.class);
    }

    @Test
    void anImpossibleDateLeavesItsConditionOutRatherThanReadUndated() {
        var parsed = lenient(bundle(PATIENT, IMPOSSIBLE_DATE));
        assertThat(parsed.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.entry[1].resource.onsetDateTime");
            assertThat(e.leftOut()).isEqualTo(LeftOut.RESOURCE);
            assertThat(e.problem()).isEqualTo("invalid value");
            assertThat(e.sourceIds()).containsExactly("Condition/c");
            assertThat(e.describe()).contains("Condition/c", "left out", "Bundle.entry[1].resource.onsetDateTime").doesNotContain("2025-02-30");
        });
        assertThat(bundleOf(parsed).getEntry()).noneMatch(en -> en.getResource() instanceof Condition);
    }

    @Test
    void anElementNoReaderUsesIsLeftOutAloneAndTheResourceKept() {
        String condition = "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2025-01-10\",\"note\":\"seen\"}";
        var parsed = lenient(bundle(PATIENT, condition));
        assertThat(parsed.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.entry[1].resource.note");
            assertThat(e.leftOut()).isEqualTo(LeftOut.ELEMENT);
        });
        Condition read = (Condition) bundleOf(parsed).getEntry().get(1).getResource();
        assertThat(read.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-01-10");
        assertThat(read.hasNote()).isFalse();
    }

    /** The record is the Patient's: it is never left out whole, each invalid element of it is (and reported). */
    @Test
    void thePatientLosesOnlyItsInvalidElements() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"femme\",\"birthDate\":\"1960-02-30\",\"name\":\"Jane\"}";
        var parsed = lenient(bundle(patient));
        assertThat(parsed.leftOut()).extracting(InvalidElement::location).containsExactlyInAnyOrder("Bundle.entry[0].resource.gender",
                "Bundle.entry[0].resource.birthDate", "Bundle.entry[0].resource.name");
        assertThat(parsed.leftOut()).allMatch(e -> e.leftOut() == LeftOut.ELEMENT && e.sourceIds().equals(List.of("Patient/p")));
        Patient read = (Patient) bundleOf(parsed).getEntry().get(0).getResource();
        assertThat(read.hasGender()).isFalse();
        assertThat(read.hasBirthDate()).isFalse();
    }

    @Test
    void everyLeftOutPartKeepsTheEntryIndexOfTheInput() {
        String[] resources = new String[12];
        resources[0] = PATIENT;
        for (int i = 1; i < resources.length; i++) resources[i] = TWO_VALUES.replace("\"er\"", "\"o" + i + "\"");
        var parsed = lenient(bundle(resources));
        assertThat(parsed.leftOut()).extracting(InvalidElement::location)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(1, 12).mapToObj(i -> "Bundle.entry[" + i + "].resource.value[x]").toList());
        assertThat(parsed.resourceCount()).isEqualTo(1);
    }

    @Test
    void aResourceTypeR4DoesNotKnowIsLeftOutInsideABundleAndRefusedAtTheTop() {
        var parsed = lenient(bundle(PATIENT, "{\"resourceType\":\"SubscriptionTopic\",\"id\":\"x\"}"));
        assertThat(parsed.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.entry[1].resource");
            assertThat(e.leftOut()).isEqualTo(LeftOut.RESOURCE);
            assertThat(e.problem()).isEqualTo("not a FHIR R4 resource type");
        });
        assertThatThrownBy(() -> lenient("{\"resourceType\":\"SubscriptionTopic\",\"id\":\"x\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issueCode()).isEqualTo("not-supported"));
    }

    @Test
    void somethingElseWhereAResourceIsDueIsLeftOut() {
        var parsed = lenient("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + PATIENT + "},"
                + "{\"resource\":\"Patient/p\"},{\"resource\":{\"id\":\"x\"}}]}");
        assertThat(parsed.leftOut()).extracting(InvalidElement::location).containsExactly("Bundle.entry[1].resource", "Bundle.entry[2].resource");
        assertThat(parsed.resourceCount()).isEqualTo(1);
    }

    /** Not a readable record at all: an error whatever the handling. */
    @Test
    void whatIsNotARecordStaysAnError() {
        for (String body : List.of("{\"resourceType\":\"Bundle\",,}", "{\"id\":\"x\"}", "[1]",
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":{\"resource\":" + PATIENT + "}}",
                "{\"resourceType\":\"Bundle\",\"type\":\"collectoin\",\"entry\":[{\"resource\":" + PATIENT + "}]}")) {
            assertThatThrownBy(() -> lenient(body)).as(body).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anInvalidElementOfTheBundleItselfIsLeftOutAlone() {
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"yesterday\",\"entry\":[{\"resource\":" + PATIENT + "}]}";
        var parsed = lenient(body);
        assertThat(parsed.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.timestamp");
            assertThat(e.leftOut()).isEqualTo(LeftOut.ELEMENT);
        });
        assertThat(parsed.resourceCount()).isEqualTo(1);
    }

    @Test
    void oneLooseResourceLeftOutWholeIsReadAsNothing() throws Exception {
        var parsed = reader.read((ObjectNode) JSON.readTree(IMPOSSIBLE_DATE), Handling.LENIENT);
        assertThat(parsed.resource()).isNull();
        assertThat(parsed.resourceType()).isEqualTo("Condition");
        assertThat(parsed.resourceCount()).isZero();
        assertThat(parsed.leftOut()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("Condition.onsetDateTime"));
    }

    @Test
    void theInputItselfIsNotChangedAndAValidInputReadsAlikeInBothModes() throws Exception {
        ObjectNode input = (ObjectNode) JSON.readTree(bundle(PATIENT, TWO_VALUES));
        ObjectNode before = input.deepCopy();
        reader.read(input, Handling.LENIENT);
        assertThat(input).isEqualTo(before);

        ObjectNode valid = (ObjectNode) JSON.readTree(bundle(PATIENT));
        var strict = reader.read(valid, Handling.STRICT);
        var lenient = reader.read(valid, Handling.LENIENT);
        assertThat(lenient.leftOut()).isEmpty();
        assertThat(lenient.resourceCount()).isEqualTo(strict.resourceCount());
        assertThat(lenient.warnings()).isEqualTo(strict.warnings());
    }
}
