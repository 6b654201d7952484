package org.primum.tumourboard.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primum.api.validation.ProfileValidation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** {@code ?validate=true} and {@code Prefer: handling=strict} on {@code POST /tumour-board/evaluate}. */
@QuarkusTest
class EvaluateValidationTest {

    @Inject
    ProfileValidation validation;

    /** The validator is built on first use (HAPI's base definitions: tens of seconds on a busy machine), not by a timed request. */
    @BeforeEach
    void buildTheValidator() {
        validation.validate(BUNDLE);
    }

    /** A de novo record whose primary lacks what mCODE requires (a category). */
    static final byte[] BUNDLE = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1960-01-01"}},
             {"resource":{"resourceType":"Condition","id":"primary","subject":{"reference":"Patient/p"},"onsetDateTime":"2025-01-10",
               "code":{"coding":[{"system":"http://snomed.info/sct","code":"353431000119107"}]}}},
             {"resource":{"resourceType":"Condition","id":"bone","subject":{"reference":"Patient/p"},"onsetDateTime":"2025-01-12",
               "code":{"coding":[{"system":"http://snomed.info/sct","code":"94222008"}]}}}
            ]}""".getBytes(StandardCharsets.UTF_8);

    @Test
    void problemsComeBesideTheAnswer() {
        JsonPath answer = given().contentType("application/fhir+json").body(BUNDLE).queryParam("asOf", "2025-03-01")
                .queryParam("validate", "true").post("/tumour-board/evaluate").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
        assertThat(answer.getList("recommendations.code", String.class)).isNotEmpty();
        assertThat(answer.getString("validation.resourceType")).isEqualTo("OperationOutcome");
        List<String> expressions = answer.getList("validation.issue.findAll { it.severity == 'error' }.expression.flatten()");
        assertThat(expressions).contains("Bundle.entry[1].resource", "Bundle.entry[2].resource");
    }

    @Test
    void withoutTheParameterThereIsNoValidation() {
        JsonPath answer = given().contentType("application/fhir+json").body(BUNDLE).queryParam("asOf", "2025-03-01")
                .post("/tumour-board/evaluate").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getMap("$")).doesNotContainKey("validation");
    }

    @Test
    void strictHandlingRefusesAnInputWithErrors() {
        String body = given().contentType("application/fhir+json").header("Prefer", "return=representation, handling=strict")
                .body(BUNDLE).queryParam("asOf", "2025-03-01").post("/tumour-board/evaluate").then().statusCode(422)
                .contentType(startsWith("application/fhir+json")).extract().asString();
        assertThat(JsonPath.from(body).getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(body).contains("mcode-primary-cancer-condition").doesNotContain("recommendations");
    }

    @Test
    void theGuidanceResponseCarriesTheOutcomeAsEvaluationMessage() {
        JsonPath g = given().contentType("application/fhir+json").accept("application/fhir+json").body(BUNDLE)
                .queryParam("asOf", "2025-03-01").queryParam("validate", "true").post("/tumour-board/evaluate").then()
                .statusCode(200).extract().jsonPath();
        assertThat(g.getString("evaluationMessage[0].reference")).isEqualTo("#validation");
        assertThat(g.getString("contained.find { it.id == 'validation' }.resourceType")).isEqualTo("OperationOutcome");
    }
}
