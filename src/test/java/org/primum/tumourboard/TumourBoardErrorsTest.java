package org.primum.tumourboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Bad input to {@code POST /tumour-board/evaluate}: each gets its documented 4xx with an OperationOutcome
 * naming what is wrong and where, and the service keeps serving (a good request after each one). Invalid
 * elements inside a readable record are errors only when the client asks for strict handling
 * ({@code Prefer: handling=strict}); what lenient reading makes of them is {@link TumourBoardLenientTest}'s.
 */
@QuarkusTest
class TumourBoardErrorsTest {

    static final String PATH = "/tumour-board/evaluate";
    static final String FHIR_JSON = "application/fhir+json";

    @TestHTTPResource(PATH)
    URI endpoint;

    static ValidatableResponse post(String contentType, String body) {
        return given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post(PATH).then();
    }

    /** As {@link #post}, asking for strict handling: an invalid element refuses the record. */
    static ValidatableResponse postStrict(String body) {
        return given().contentType(FHIR_JSON).header("Prefer", "handling=strict").body(body.getBytes(StandardCharsets.UTF_8)).post(PATH).then();
    }

    static ValidatableResponse outcome(ValidatableResponse r, int status, String issueCode) {
        return r.statusCode(status)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo(issueCode))
                .body("issue[0].diagnostics", not(emptyOrNullString()));
    }

    @AfterEach
    void goodRequestStillSucceeds() {
        post(FHIR_JSON, DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()))
                .statusCode(200)
                .body("recommendations.code", hasItem("SYSTEMIC_THERAPY_FIRST"));
    }

    @Test
    void malformedJson() {
        outcome(post(FHIR_JSON, "{\"resourceType\": \"Bundle\", \"type\": \"collection\" \"entry\": []}"), 400, "structure")
                .body("issue[0].location[0]", equalTo("line 1, column 49"));
    }

    /** FHIR JSON is UTF-8: a Latin-1 body is refused rather than read with replacement characters. */
    @Test
    void notUtf8() {
        byte[] latin1 = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()).replace("\"female\"", "\"f\u00e9minin\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        outcome(given().contentType(FHIR_JSON).body(latin1).post(PATH).then(), 400, "structure")
                .body("issue[0].diagnostics", containsString("UTF-8"))
                .body("issue[0].location[0]", startsWith("line 1, column"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void emptyBody(String body) {
        outcome(post(FHIR_JSON, body), 400, "required").body("issue[0].diagnostics", containsString("empty"));
    }

    @Test
    void patientInsteadOfBundle() {
        Patient p = new Patient();
        p.setId("x");
        outcome(post(FHIR_JSON, DeNovoBundles.json(p)), 422, "invalid")
                .body("issue[0].diagnostics", allOf(containsString("Bundle"), containsString("Patient")))
                .body("issue[0].expression[0]", equalTo("Patient"));
    }

    @Test
    void unknownResourceType() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly())
                .replace("\"resourceType\":\"MedicationRequest\"", "\"resourceType\":\"MedicationOrder\"");
        outcome(postStrict(body), 400, "not-supported")
                .body("issue[0].diagnostics", allOf(containsString("MedicationOrder"), containsString("R4")))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[6].resource"));
    }

    @Test
    void invalidDateInsideAResource() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()).replace("\"2025-01-20\"", "\"2025-01-32\"");
        outcome(postStrict(body), 400, "value")
                .body("issue[0].diagnostics", containsString("onsetDateTime"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[2].resource.onsetDateTime"));
    }

    @Test
    void wrongStructure() {
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":\"Jane Example\"}}]}";
        outcome(postStrict(body), 400, "structure")
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.name"));
    }

    @Test
    void aStringWhereAResourceIsDue() {
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":\"Patient/p\"}]}";
        outcome(postStrict(body), 400, "structure").body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource"));
        // leniently the entry is left out, and with it the only Patient: no record to evaluate
        post(FHIR_JSON, body).statusCode(422).body("issue[0].diagnostics", containsStringIgnoringCase("patient"));
    }

    /** What is not a readable record stays an error when the client asks for strict handling too (and vice versa). */
    @Test
    void notARecordIsAnErrorWhateverTheHandling() {
        outcome(postStrict("{\"resourceType\": \"Bundle\",,}"), 400, "structure");
        Patient p = new Patient();
        p.setId("x");
        outcome(postStrict(DeNovoBundles.json(p)), 422, "invalid");
        outcome(post(FHIR_JSON, "{\"resourceType\":\"SubscriptionTopic\",\"id\":\"x\"}"), 400, "not-supported");
    }

    @Test
    void bundleWithoutPatient() {
        Bundle b = DeNovoBundles.deNovoBoneOnly();
        b.getEntry().remove(0);
        // the issue code is the mapper's to choose; the status and the subject of the message are the contract
        post(FHIR_JSON, DeNovoBundles.json(b)).statusCode(422).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].diagnostics", containsStringIgnoringCase("patient"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"history", "message", "transaction-response"})
    void bundleTypesThatAreNotARecord(String type) {
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[]}";
        outcome(post(FHIR_JSON, body), 422, "not-supported").body("issue[0].expression[0]", equalTo("Bundle.type"));
    }

    @Test
    void wrongMediaType() {
        outcome(post("text/plain", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly())), 415, "not-supported")
                .body("issue[0].location[0]", equalTo("Content-Type"));
        outcome(post("application/fhir+xml", "<Bundle xmlns=\"http://hl7.org/fhir\"/>"), 415, "not-supported");
    }

    @Test
    void otherFhirVersion() {
        outcome(post("application/fhir+json; fhirVersion=3.0", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly())), 415, "not-supported")
                .body("issue[0].diagnostics", allOf(containsString("fhirVersion=3.0"), containsString("R4")))
                .body("issue[0].location[0]", equalTo("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-02-30", "2025-7-1", "01/07/2025", "2025-07-01T00:00:00"})
    void invalidAsOf(String asOf) {
        outcome(given().contentType(FHIR_JSON).queryParam("asOf", asOf).body(DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()))
                .post(PATH).then(), 400, "value")
                .body("issue[0].expression[0]", equalTo("asOf"))
                .body("issue[0].diagnostics", containsString("YYYY-MM-DD"));
    }

    /** Content-Length over the limit: refused before the body is read. */
    @Test
    void announcedBodyOverTheLimit() {
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        outcome(given().contentType(FHIR_JSON).body(big).post(PATH).then(), 413, "too-costly")
                .body("issue[0].diagnostics", containsString("5242880"));
    }

    /** Chunked (no Content-Length) over the limit: refused by the size of the body actually read. */
    @Test
    void chunkedBodyOverTheLimit() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(FHIR_JSON));
        assertThat(response.body()).contains("OperationOutcome", "too-costly");
    }

    @Test
    void getIsNotAllowed() {
        outcome(given().get(PATH).then(), 405, "not-supported");
    }
}
