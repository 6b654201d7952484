package org.primum.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HAPI's validator with mCODE's profiles, on the HAPI 8.12.1 structures (the validator module is 8.8.1). */
class ProfileValidatorTest {

    static ProfileValidator validator;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void load() {
        validator = ProfileValidator.load(Path.of("fhir-profiles/structure"), Path.of("fhir-profiles"));
    }

    static String bundle(String conditionExtra) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7","resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1960-01-01"}},
                 {"fullUrl":"urn:uuid:8c9e6679-7425-40de-944b-e07fc1f90ae8","resource":{"resourceType":"Condition","id":"primary",
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"353431000119107","display":"Primary malignant neoplasm of female left breast"}]},
                   "subject":{"reference":"Patient/p"}%s}}
                ]}""".formatted(conditionExtra);
    }

    static List<JsonNode> issues(ProfileValidator.Outcome outcome) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(outcome.operationOutcomeJson()).path("issue").forEach(list::add);
        return list;
    }

    @Test
    void loadsTheMcodeProfilesAndPrimumsExtension() {
        assertThat(validator.profiles()).contains(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition",
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test",
                "http://primum.org/fhir/StructureDefinition/metastatic-lesion-count");
    }

    @Test
    void aPrimaryCancerWithoutWhatMcodeRequiresIsFlaggedWhereItIs() throws Exception {
        ProfileValidator.Outcome outcome = validator.validate(bundle("").getBytes(StandardCharsets.UTF_8));
        List<JsonNode> issues = issues(outcome);
        assertThat(outcome.hasErrors()).isTrue();
        // mCODE's primary cancer condition needs a category, checked on the entry that lacks it
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.path("severity").asText()).isEqualTo("error");
            assertThat(i.path("expression").get(0).asText()).startsWith("Bundle.entry[1].resource");
            assertThat(i.path("diagnostics").asText()).contains("Condition.category", "mcode-primary-cancer-condition");
        });
        assertThat(issues).noneSatisfy(i -> assertThat(i.path("diagnostics").asText()).contains("dom-6"));
    }

    @Test
    void baseSpecificationErrorsAreReportedToo() throws Exception {
        ProfileValidator.Outcome outcome = validator.validate(bundle(",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"smouldering\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(issues(outcome)).anySatisfy(i -> {
            assertThat(i.path("severity").asText()).isEqualTo("error");
            assertThat(i.path("diagnostics").asText()).contains("smouldering");
        });
    }
}
