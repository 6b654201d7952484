package org.primum.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** The shared HTTP error handling: every failure is an OperationOutcome saying what and where. */
@QuarkusTest
class ErrorHandlingTest {

    static ValidatableResponse isOutcome(ValidatableResponse r, String issueCode) {
        return r.contentType(startsWith("application/fhir+json"))
                .header(RequestLog.HEADER, not(emptyOrNullString()))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo(issueCode))
                .body("issue[0].diagnostics", not(emptyOrNullString()));
    }

    /** After every bad request, a good one is still served. */
    @AfterEach
    void stillServing() {
        given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}")
                .post("/test-api/fhir").then().statusCode(200).body("resources", equalTo(1));
    }

    @Test
    void jacksonSyntaxErrorIs400WithLineAndColumn() {
        isOutcome(given().contentType(ContentType.JSON).body("{\"name\": \"x\",, }").post("/test-api/json").then()
                .statusCode(400), "structure")
                .body("issue[0].location[0]", startsWith("line 1, column"));
    }

    @Test
    void jacksonShapeErrorIs400NamingTheField() {
        isOutcome(given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"count\": {\"a\": 1}}").post("/test-api/json").then()
                .statusCode(400), "structure")
                .body("issue[0].expression[0]", equalTo("count"));
    }

    @Test
    void fhirInvalidValueIs400WithExpression() {
        isOutcome(given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"birthDate\":\"yesterday\"}}]}")
                .post("/test-api/fhir").then().statusCode(400), "value")
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.birthDate"))
                .body("issue[0].location[0]", equalTo("Bundle.entry[0].resource.birthDate"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        isOutcome(given().contentType(ContentType.TEXT).body("hello").post("/test-api/fhir").then().statusCode(415), "not-supported")
                .body("issue[0].location[0]", equalTo("Content-Type"));
    }

    @Test
    void notAcceptableIs406() {
        isOutcome(given().contentType("application/fhir+json").accept("application/xml")
                .body("{\"resourceType\":\"Patient\"}").post("/test-api/fhir").then().statusCode(406), "not-supported");
    }

    @Test
    void methodNotAllowedIs405() {
        isOutcome(given().get("/test-api/fhir").then().statusCode(405), "not-supported");
    }

    @Test
    void unknownPathsAre404() {
        isOutcome(given().get("/test-api/nothing-here").then().statusCode(404), "not-found");
        isOutcome(given().get("/no/such/thing").then().statusCode(404), "not-found");
    }

    @Test
    void serverFaultIs500WithAnIncidentIdAndNoDetail() {
        String body = isOutcome(given().get("/test-api/boom").then().statusCode(500), "exception")
                .body("issue[0].diagnostics", containsString("incident"))
                .extract().asString();
        assertThat(body).doesNotContain("SECRET", "Jane", "1970", "IllegalState", "org.primum");
    }

    @Test
    void announcedBodyOverTheLimitIs413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        isOutcome(given().contentType("application/fhir+json").body(big).post("/test-api/fhir").then().statusCode(413), "too-costly")
                .body("issue[0].diagnostics", containsString("limit"));
    }

    @Test
    void healthStillAnswersNormally() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
