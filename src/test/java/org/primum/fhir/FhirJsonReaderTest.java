package org.primum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FhirJsonReaderTest {

    private final FhirJsonReader reader = new FhirJsonReader();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String bundle(String... resources) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"fullUrl\":\"urn:uuid:").append(i).append("\",\"resource\":").append(resources[i]).append('}');
        }
        return sb.append("]}").toString();
    }

    private InvalidInputException fails(String body) {
        try {
            reader.read(bytes(body));
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void readsAValidBundleAndCountsItsEntries() {
        var parsed = reader.read(bytes(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1970-01-01\"}",
                "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2024-02-03\"}")));
        assertThat(parsed.resource()).isInstanceOf(Bundle.class);
        assertThat(parsed.resourceCount()).isEqualTo(2);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        var e = fails("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",,\n}");
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("structure");
        assertThat(e.location()).isEqualTo("line 3, column 24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n  "})
    void emptyBodyIsRequired(String body) {
        var e = fails(body);
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("required");
    }

    @Test
    void unknownResourceTypeIsLocated() {
        var e = fails(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\"}", "{\"resourceType\":\"Tumour\",\"id\":\"x\"}"));
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.getMessage()).contains("\"Tumour\"", "not a FHIR R4 resource type");
        assertThat(e.location()).isEqualTo("Bundle.entry[1].resource");
    }

    @Test
    void resourceTypesOfOtherFhirVersionsAreRefusedAsNotR4() {
        var e = fails(bundle("{\"resourceType\":\"SubscriptionTopic\",\"id\":\"x\"}"));
        assertThat(e.getMessage()).contains("FHIR R4");
        assertThat(e.location()).isEqualTo("Bundle.entry[0].resource");
    }

    @Test
    void invalidDateIsLocatedInsideItsResource() {
        var e = fails(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1970-01-01\"}",
                "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2024-02-30\"}"));
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("value");
        assertThat(e.getMessage()).contains("onsetDateTime");
        assertThat(e.location()).isEqualTo("Bundle.entry[1].resource.onsetDateTime");
    }

    @Test
    void invalidCodeOfARequiredBindingIsRefused() {
        var e = fails(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"femme\"}"));
        assertThat(e.location()).isEqualTo("Bundle.entry[0].resource.gender");
    }

    @Test
    void invalidNumberDeepInsideIsLocated() {
        var e = fails(bundle("{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":\"many\"}}"));
        assertThat(e.location()).isEqualTo("Bundle.entry[0].resource.valueQuantity.value");
    }

    @Test
    void wrongStructureIsLocated() {
        var e = fails("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":{\"resource\":{\"resourceType\":\"Patient\"}}}");
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("structure");
        assertThat(e.location()).isEqualTo("Bundle.entry");
        var name = fails(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":\"Jane\"}"));
        assertThat(name.location()).isEqualTo("Bundle.entry[0].resource.name");
    }

    @Test
    void missingResourceTypeAndNonObjectsAreRefused() {
        assertThat(fails("{\"id\":\"x\"}").location()).isEqualTo("resourceType");
        assertThat(fails("[1,2]").problem()).isEqualTo(Problem.MALFORMED);
        assertThat(fails("42").problem()).isEqualTo(Problem.MALFORMED);
    }

    /** Malformed shapes on which HAPI itself would fail with a NullPointerException: still a located 400. */
    @Test
    void somethingElseWhereAResourceIsDue() {
        var e = fails("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":\"Patient/p\"}]}");
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.issueCode()).isEqualTo("structure");
        assertThat(e.location()).isEqualTo("Bundle.entry[0].resource");
        var noType = fails(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\"}", "{\"id\":\"x\"}"));
        assertThat(noType.issueCode()).isEqualTo("required");
        assertThat(noType.location()).isEqualTo("Bundle.entry[1].resource");
        assertThat(fails("{\"resourceType\":1}").location()).isEqualTo("resourceType");
        var scalars = fails("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\"x\",1]}");
        assertThat(scalars.location()).isEqualTo("Bundle.entry");
    }

    @Test
    void extensionWithValueAndNestedExtensionsIsLocated() {
        var e = fails(bundle("{\"resourceType\":\"Condition\",\"id\":\"c\",\"extension\":[{\"url\":\"http://example.org/x\","
                + "\"valueString\":\"a\",\"extension\":[{\"url\":\"y\",\"valueString\":\"b\"}]}]}"));
        assertThat(e.issueCode()).isEqualTo("structure");
        assertThat(e.location()).isEqualTo("Bundle.entry[0].resource.extension[0]");
    }

    @Test
    void unknownElementsAreToleratedAndReported() {
        var parsed = reader.read(bytes(bundle("{\"resourceType\":\"Patient\",\"id\":\"p\",\"favouriteColour\":\"blue\"}")));
        assertThat(parsed.warnings()).singleElement().asString().contains("favouriteColour");
    }
}
