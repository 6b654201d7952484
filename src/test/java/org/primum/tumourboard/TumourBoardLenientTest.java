package org.primum.tumourboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Issue 11, class 9 over HTTP: {@code POST /tumour-board/evaluate} reads invalid elements leniently by default
 * (the answer leaves them out and fires DATA_INVALID_RECORD with their locations) and refuses them on
 * {@code Prefer: handling=strict} (400 naming the entry).
 */
@QuarkusTest
class TumourBoardLenientTest {

    static final String PATH = "/tumour-board/evaluate";
    static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mCODE 4.0.0 example patient, its ER, PR and HER2 Observations (entries 19–21) each with a second value[x]. */
    static String mcodeWithTwoValues() throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(DeNovoBundles.fixture("/fixtures/public/mcode-patient-bundle-jenny-m.json"));
        for (int entry : new int[]{19, 20, 21}) ((ObjectNode) bundle.path("entry").get(entry).path("resource")).put("valueString", "positive");
        return JSON.writeValueAsString(bundle);
    }

    static RequestSpecification request(String body) {
        return given().contentType(FHIR_JSON).queryParam("asOf", "2019-06-01").body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anMcodeRecordWithTwoValuesPerObservationGetsAnAnswerNamingWhatWasLeftOut() throws Exception {
        JsonPath answer = request(mcodeWithTwoValues()).post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("recommendations.code", String.class)).contains("DATA_INVALID_RECORD", "NOT_APPLICABLE_NO_METASTASIS");
        assertThat(answer.getString("recommendations.find { it.code == 'DATA_INVALID_RECORD' }.indicator")).isEqualTo("warning");
        assertThat(answer.getList("recommendations.find { it.code == 'DATA_INVALID_RECORD' }.because.resourceIds.flatten()", String.class))
                .containsExactlyInAnyOrder("Observation/tumor-marker-test-er-jenny-m", "Observation/tumor-marker-test-pr-jenny-m",
                        "Observation/tumor-marker-test-her2-jenny-m");
        // the facts list each left-out part with its location and whether the element or its resource was left out
        assertThat(answer.getList("patient.findAll { it.type == 'InvalidElement' }.fields.location", String.class))
                .containsExactly("Bundle.entry[19].resource.value[x]", "Bundle.entry[20].resource.value[x]", "Bundle.entry[21].resource.value[x]");
        assertThat(answer.getList("patient.findAll { it.type == 'InvalidElement' }.fields.leftOut", String.class)).containsOnly("RESOURCE");
    }

    @Test
    void theSameRecordWithPreferHandlingStrictIsA400NamingTheEntry() throws Exception {
        request(mcodeWithTwoValues()).header("Prefer", "return=minimal, handling=strict").post(PATH).then()
                .statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", containsString("value[x]"))
                .body("issue[0].location[0]", equalTo("Bundle.entry[19].resource.value[x]"))
                // FHIRPath names a choice element without [x]
                .body("issue[0].expression[0]", equalTo("Bundle.entry[19].resource.value"));
        request(mcodeWithTwoValues()).header("Prefer", "handling=lenient").post(PATH).then().statusCode(200)
                .body("recommendations.code", hasItem("DATA_INVALID_RECORD"));
    }

    /** An impossible date in the metastasis: that Condition is left out, and the answer says what the rest supports. */
    @Test
    void anImpossibleDateInAConditionLeavesItOutAndTheAnswerIsStillComputed() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()).replace("\"2025-01-20\"", "\"2025-02-30\"");
        JsonPath answer = given().contentType(FHIR_JSON).queryParam("asOf", "2025-03-01").body(body.getBytes(StandardCharsets.UTF_8))
                .post(PATH).then().statusCode(200).extract().jsonPath();
        List<String> codes = answer.getList("recommendations.code", String.class);
        assertThat(codes).contains("DATA_INVALID_RECORD", "NOT_APPLICABLE_NO_METASTASIS");
        assertThat(answer.getString("patient.find { it.type == 'InvalidElement' }.fields.location")).isEqualTo("Bundle.entry[2].resource.onsetDateTime");
        assertThat(answer.getList("recommendations.find { it.code == 'DATA_INVALID_RECORD' }.because.resourceIds.flatten()", String.class))
                .containsExactly("Condition/t-bone");
        assertThat(answer.getList("patient.findAll { it.type == 'Metastasis' }")).isEmpty();
    }

    @Test
    void aValidRecordGetsNoDataInvalidRecord() {
        given().contentType(FHIR_JSON).queryParam("asOf", "2025-03-01").body(DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()).getBytes(StandardCharsets.UTF_8))
                .post(PATH).then().statusCode(200)
                .body("recommendations.code", not(hasItem("DATA_INVALID_RECORD")))
                .body("patient.type", not(hasItem("InvalidElement")));
    }
}
