package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missing prefetch: fetched from the EHR's FHIR server (a real HAPI RestfulServer on Jetty) with the
 * bearer token, pages followed; 412 when it cannot be had (no server, token refused, time box exceeded).
 */
@QuarkusTest
class CdsHooksPrefetchTest {
    static TestFhirServer fhir;
    static final String PV = CdsServiceCatalog.PATIENT_VIEW;

    @BeforeAll
    static void start() {
        fhir = TestFhirServer.shared(); // the one on the test issuer's fhir-servers allow-list
    }

    @BeforeEach
    void reset() {
        fhir.clear();
    }

    static TestPatient patient(String id) {
        // 12 observations: more than two pages of 5 on the test server
        return TestPatient.deNovo(id, 50).letrozole(6).ecog(1, 45).unrelatedObservations(8);
    }

    @Test
    void partialPrefetchIsCompletedFromTheFhirServerWithTheBearerToken() {
        TestPatient p = patient("fetch-1");
        fhir.put(p.resources);
        ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient", "conditions")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "token-abc");
        fhir.requiredToken = "token-abc";
        JsonNode fetched = Hooks.cards(PV, body);

        JsonNode full = Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()));
        assertThat(Hooks.allCodes(fetched)).containsExactlyElementsOf(Hooks.allCodes(full));
        assertThat(Hooks.allCodes(fetched)).contains("SYSTEMIC_THERAPY_FIRST", "DEFER_LRT_UNTIL_RESPONSE");

        assertThat(fhir.authorizations).isNotEmpty().allMatch("Bearer token-abc"::equals);
        assertThat(fhir.requests).anyMatch(r -> r.contains("/Observation") && r.contains("patient=fetch-1"))
                .anyMatch(r -> r.contains("/MedicationRequest")).anyMatch(r -> r.contains("/ServiceRequest"))
                .anyMatch(r -> r.contains("_getpages")) // the observations came in pages
                .noneMatch(r -> r.contains("/Condition") || r.contains("/Patient"));
    }

    @Test
    void prefetchKeyAnsweredNullMeansNoDataAndIsNotFetched() {
        TestPatient p = patient("fetch-2");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        prefetch.putNull("procedures");
        ObjectNode body = p.request("patient-view", prefetch, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        Hooks.cards(PV, body);
        assertThat(fhir.requests).isEmpty();
    }

    @Test
    void prefetchAnsweredWithAnOperationOutcomeIsFetched() {
        TestPatient p = patient("fetch-3");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        prefetch.set("observations", Hooks.read("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}"));
        ObjectNode body = p.request("patient-view", prefetch, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        Hooks.cards(PV, body);
        assertThat(fhir.requests).isNotEmpty().allMatch(r -> r.contains("Observation") || r.contains("_getpages"));
    }

    @Test
    void neitherPrefetchNorFhirServerIs412() {
        TestPatient p = patient("fetch-4");
        Response r = Hooks.post(PV, p.request("patient-view", p.prefetch(List.of("patient", "conditions")), List.of()));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("observations", "procedures").doesNotContain("conditions,");
        Response none = Hooks.post(PV, p.request("patient-view", null, List.of()));
        assertThat(none.statusCode()).isEqualTo(412);
    }

    @Test
    void tokenRefusedByTheFhirServerIs412() {
        TestPatient p = patient("fetch-5");
        fhir.put(p.resources);
        fhir.requiredToken = "the-right-token";
        ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "a-wrong-token");
        Response r = Hooks.post(PV, body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("security");
    }

    @Test
    void patientUnknownToTheFhirServerIs412() {
        TestPatient p = patient("fetch-6");
        ObjectNode body = p.request("patient-view", null, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        Response r = Hooks.post(PV, body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("not-found");
    }

    @Test
    void slowFhirServerIsCutOffAtTheTimeBox() {
        TestPatient p = patient("fetch-7");
        fhir.put(p.resources);
        fhir.delayMillis = 10000;
        ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient", "conditions")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        Response r = Hooks.post(PV, body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("timeout");
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("5000 ms");
    }

    @Test
    void fhirAuthorizationWithoutFhirServerIs400() {
        TestPatient p = patient("fetch-8");
        ObjectNode body = p.request("patient-view", p.prefetch(Set.of("patient")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        body.remove("fhirServer");
        CdsHooksPatientViewTest.bad(Hooks.post(PV, body), "fhirAuthorization");
    }

    @Test
    void draftOrdersAreFetchedDataToo() {
        // order-sign whose prefetch is missing: fetched; the draft orders come from the context
        TestPatient p = TestPatient.deNovo("fetch-9", 180).letrozole(24).status("distant", "stable", 7).status("primary", "stable", 7);
        fhir.put(p.resources);
        p.draft("sr-mast", "mastectomy", "left");
        ObjectNode body = p.request("order-sign", null, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        JsonNode cards = Hooks.cards(CdsServiceCatalog.ORDER_SIGN, body);
        assertThat(Hooks.allCodes(cards)).contains("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
    }
}
