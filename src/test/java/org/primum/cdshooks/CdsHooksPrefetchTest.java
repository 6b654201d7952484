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
 * bearer token, pages followed; a paginated prefetch continued there; referenced Medications read there; only
 * on a FHIR server the client's issuer allow-lists; 412 when it cannot be had (no server, token refused, time
 * box exceeded, a server not allowed, a next link off the server).
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
    void aPrefetchedPatientWhoIsSomeoneElseIsReadFromTheFhirServerInstead() {
        TestPatient p = patient("fetch-7");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        ((ObjectNode) prefetch.get("patient")).put("id", "someone-else");
        ObjectNode body = p.request("patient-view", prefetch, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        JsonNode cards = Hooks.cards(PV, body);

        assertThat(fhir.requests).anyMatch(r -> r.contains("/Patient/fetch-7")).noneMatch(r -> r.contains("/Observation"));
        JsonNode full = Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()));
        assertThat(Hooks.allCodes(cards)).containsExactlyElementsOf(Hooks.allCodes(full));
    }

    @Test
    void aPrefetchedPatientWhoIsSomeoneElseWithoutAFhirServerIs412() {
        // evaluated without its Patient, the answer could not see the patient's death, age or sex
        TestPatient p = patient("fetch-8");
        ObjectNode prefetch = p.prefetchAll();
        ((ObjectNode) prefetch.get("patient")).put("id", "someone-else");
        Response r = Hooks.post(PV, p.request("patient-view", prefetch, List.of()));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("patient");
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

    /** The first page of the search {@code key} as the test server gives it (5 per page, a next link when there are more). */
    static JsonNode firstPage(TestPatient p, String key) throws Exception {
        String search = CdsServiceCatalog.PREFETCH.get(key).replace("{{context.patientId}}", p.id).replaceAll("&_include=.*", "");
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fhir.baseUrl() + "/" + search)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        fhir.requests.clear();
        fhir.authorizations.clear();
        return Hooks.read(r.body());
    }

    @Test
    void aPaginatedPrefetchIsFollowedOnTheFhirServerWithTheBearerToken() throws Exception {
        TestPatient p = patient("page-1");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        JsonNode page = firstPage(p, "observations");
        assertThat(FhirFetcher.nextLink(page)).isNotNull();
        prefetch.set("observations", page);
        ObjectNode body = p.request("patient-view", prefetch, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "token-page");
        fhir.requiredToken = "token-page";
        JsonNode paged = Hooks.cards(PV, body);
        assertThat(Hooks.allCodes(paged)).containsExactlyElementsOf(Hooks.allCodes(Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()))));
        assertThat(fhir.requests).hasSize(2).allMatch(r -> r.contains("_getpages")); // pages 2 and 3 of 12 observations
        assertThat(fhir.authorizations).allMatch("Bearer token-page"::equals);
    }

    @Test
    void aPaginatedPrefetchWithoutFhirServerOrBeyondThePageLimitIs412() throws Exception {
        TestPatient p = patient("page-2");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        prefetch.set("observations", firstPage(p, "observations"));
        Response r = Hooks.post(PV, p.request("patient-view", prefetch, List.of()));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("observations", "further pages", "no fhirServer");
    }

    @Test
    void aPrefetchNextLinkOffTheFhirServerIs412AndNotFollowed() throws Exception {
        TestPatient p = patient("page-3");
        fhir.put(p.resources);
        ObjectNode prefetch = p.prefetchAll();
        ObjectNode page = (ObjectNode) firstPage(p, "observations");
        for (JsonNode link : page.path("link")) {
            if ("next".equals(link.path("relation").asText())) ((ObjectNode) link).put("url", link.path("url").asText().replace("/fhir?", "/fhir-evil?"));
        }
        prefetch.set("observations", page);
        ObjectNode body = p.request("patient-view", prefetch, List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        Response r = Hooks.post(PV, body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("security");
        assertThat(fhir.requests).isEmpty();
    }

    @Test
    void aDispensedDrugIsTherapyWhetherPrefetchedWithItsMedicationOrFetched() {
        TestPatient p = TestPatient.deNovo("dispense-1", 50);
        org.hl7.fhir.r4.model.Medication drug = p.dispensedLetrozole("disp-1", 6);
        // prefetched: the dispenses' search with the Medication _include'd, as the template asks
        ObjectNode prefetch = p.prefetchAll();
        ObjectNode included = ((com.fasterxml.jackson.databind.node.ArrayNode) prefetch.path("medicationDispenses").path("entry")).addObject();
        included.put("fullUrl", "https://ehr.test.example/fhir/Medication/" + drug.getIdElement().getIdPart());
        included.set("resource", TestPatient.json(drug));
        included.putObject("search").put("mode", "include");
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", prefetch, List.of()));
        // letrozole 6 weeks ago, known only from the pharmacy: the window has not passed, and that is why
        assertThat(Hooks.card(cards, "DEFER_LRT_UNTIL_RESPONSE").path("detail").asText()).contains("MedicationDispense/disp-1");

        // not prefetched: the on-demand fetch asks for the dispenses, with their Medications
        fhir.put(p.resources);
        fhir.put(List.of(drug));
        ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient", "conditions", "observations")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "token-disp");
        JsonNode fetched = Hooks.cards(PV, body);
        assertThat(Hooks.allCodes(fetched)).containsExactlyElementsOf(Hooks.allCodes(cards));
        assertThat(Hooks.card(fetched, "DEFER_LRT_UNTIL_RESPONSE").path("detail").asText()).contains("MedicationDispense/disp-1");
        assertThat(fhir.requests).anyMatch(r -> r.contains("/MedicationDispense") && r.contains("patient=dispense-1")
                        && r.contains("_include=MedicationDispense"))
                .noneMatch(r -> r.startsWith("/fhir/Medication/")); // the Medication came _include'd, not read apart
    }

    @Test
    void referencedMedicationsMissingFromThePrefetchAreReadFromTheFhirServer() {
        TestPatient p = patient("med-1");
        org.hl7.fhir.r4.model.Bundle b = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
        p.resources.forEach(r -> b.addEntry().setResource(r));
        EhrChart chart = EhrChart.of(TestPatient.FHIR.newJsonParser().encodeResourceToString(b)).drugsByReference();
        fhir.put(chart.serverContents());
        ObjectNode body = chart.request(chart.prefetch(EhrChart.Medications.ON_SERVER_ONLY));
        JsonNode withoutServer = Hooks.read(Hooks.post(PV, body).asString());
        assertThat(withoutServer.path("issue").path(0).path("diagnostics").asText()).contains("Medication/med-medrx-", "no fhirServer");

        body.put("fhirServer", fhir.baseUrl());
        JsonNode cards = Hooks.cards(PV, body);
        // letrozole 6 weeks ago is known: the response window has not passed, and that is why (not "no therapy")
        assertThat(Hooks.allCodes(cards)).containsExactlyElementsOf(Hooks.allCodes(Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()))));
        assertThat(Hooks.card(cards, "DEFER_LRT_UNTIL_RESPONSE").path("detail").asText()).contains("MedicationRequest/medrx-");
        assertThat(fhir.requests).singleElement().satisfies(r -> assertThat(r).startsWith("/fhir/Medication/med-medrx-"));
    }

    @Test
    void aFhirServerNotOnTheIssuersAllowListIsNeverCalled() throws Exception {
        TestPatient p = patient("allow-1");
        fhir.put(p.resources);
        // the same server under a name that only string-starts like the allow-listed one, and another port
        int port = java.net.URI.create(fhir.baseUrl()).getPort();
        for (String server : List.of(fhir.baseUrl() + "-evil", "http://127.0.0.1:" + port + "0/fhir", "http://localhost:" + port + "/fhir")) {
            ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient")), List.of());
            p.withFhirServer(body, server, "t");
            Response r = Hooks.post(PV, body);
            assertThat(r.statusCode()).as(server + ": " + r.asString()).isEqualTo(412);
            assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("security");
            assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("not on the FHIR servers allow-listed");
        }
        assertThat(fhir.requests).isEmpty();
    }

    @Test
    void anIssuerWithoutAnAllowListGetsNoFetchingAndIsToldWhy() {
        TestPatient p = patient("allow-2");
        fhir.put(p.resources);
        ObjectNode body = p.request("patient-view", p.prefetch(List.of("patient")), List.of());
        p.withFhirServer(body, fhir.baseUrl(), "t");
        String path = "/cds-services/" + PV;
        Response r = io.restassured.RestAssured.given()
                .header("Authorization", TestJwt.shared().token(Hooks.url(path)).issuer(TestJwt.INLINE_ISSUER).key("inline-1").header())
                .contentType("application/json").body(body.toString()).post(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("fhir-servers", "send the data in the prefetch");
        assertThat(fhir.requests).isEmpty();
    }
}
