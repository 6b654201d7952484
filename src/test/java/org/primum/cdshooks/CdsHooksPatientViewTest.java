package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** patient-view with full prefetch: the cards, their grouping, content and shape; no cards outside the guidance. */
@QuarkusTest
class CdsHooksPatientViewTest {

    static final String PV = CdsServiceCatalog.PATIENT_VIEW;

    @Test
    void deNovoPatientWithIntactPrimaryGetsTheCorePathwayInOneInfoCard() {
        TestPatient p = TestPatient.deNovo("pv-early", 50).letrozole(6);
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()));

        assertThat(Hooks.allCodes(cards)).contains("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL",
                "DEFER_LRT_UNTIL_RESPONSE");
        assertThat(Hooks.allCodes(cards)).doesNotContainAnyElementsOf(List.of("NOT_APPLICABLE_NO_METASTASIS", "NOT_APPLICABLE_RECURRENT"));
        // the core pathway's info recommendations are one card
        JsonNode core = null;
        for (JsonNode c : cards) if (Hooks.codes(c).contains("SYSTEMIC_THERAPY_FIRST")) core = c;
        assertThat(core).isNotNull();
        assertThat(core.path("indicator").asText()).isEqualTo("info");
        assertThat(Hooks.codes(core)).contains("MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL");
        assertThat(core.path("source").path("topic").path("system").asText()).isEqualTo(CardFactory.CATALOGUE_SYSTEM);
        assertThat(Hooks.codes(core)).contains(core.path("source").path("topic").path("code").asText());
        // warnings and critical findings are cards of their own
        for (JsonNode c : cards) {
            if (!"info".equals(c.path("indicator").asText())) assertThat(Hooks.codes(c)).hasSize(1);
        }
        JsonNode defer = Hooks.card(cards, "DEFER_LRT_UNTIL_RESPONSE");
        assertThat(defer.path("indicator").asText()).isEqualTo("warning");
        assertThat(defer.path("overrideReasons").size()).isPositive();
        assertThat(defer.has("suggestions")).isFalse(); // patient-view proposes no order changes
    }

    @Test
    void cardDetailShowsStatementEvidenceFactsAndDoiCitations() {
        TestPatient p = TestPatient.deNovo("pv-detail", 50).letrozole(6);
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()));
        JsonNode defer = Hooks.card(cards, "DEFER_LRT_UNTIL_RESPONSE");
        String detail = defer.path("detail").asText();
        assertThat(detail).contains("Evidence level: **", "Why this applies:", "Sources:", "knowledge base ");
        assertThat(detail).contains("`MedicationRequest/"); // the fact behind it, with its FHIR resource
        assertThat(detail).containsPattern("\\]\\(https://doi\\.org/10\\.[^)]+\\)");
        assertThat(defer.path("source").path("url").asText()).startsWith("https://doi.org/10.");
        assertThat(defer.path("source").path("label").asText()).isNotBlank();
        assertThat(defer.path("uuid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void realisticChartGivesConformantCards() {
        TestPatient p = TestPatient.realistic("pv-real");
        assertThat(p.resources.size()).isBetween(28, 34);
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()));
        assertThat(Hooks.allCodes(cards)).contains("SYSTEMIC_THERAPY_FIRST").doesNotContain("DEFER_LRT_UNTIL_RESPONSE");
    }

    @Test
    void patientWithoutMetastasisGetsNoCards() {
        TestPatient p = TestPatient.of("pv-local").primary("left", 100).receptors("positive", "positive", "negative", 100).letrozole(10);
        assertThat(Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()))).isEmpty();
    }

    @Test
    void recurrentMetastaticPatientGetsNoCards() {
        TestPatient p = TestPatient.of("pv-recurrent").primary("left", 900).metastasis("liver", 60)
                .receptors("positive", "negative", "negative", 900).letrozole(8);
        assertThat(Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()))).isEmpty();
    }

    @Test
    void patientWithNoCancerRecordGetsNoCards() {
        TestPatient p = TestPatient.of("pv-none").otherCondition("38341003", "Hypertensive disorder");
        assertThat(Hooks.cards(PV, p.request("patient-view", p.prefetchAll(), List.of()))).isEmpty();
    }

    @Test
    void malformedRequestsGet400WithAnOperationOutcome() {
        TestPatient p = TestPatient.deNovo("pv-bad", 50);
        ObjectNode wrongHook = p.request("order-sign", p.prefetchAll(), List.of());
        bad(Hooks.post(PV, wrongHook), "hook");
        ObjectNode noPatient = p.request("patient-view", p.prefetchAll(), List.of());
        ((ObjectNode) noPatient.path("context")).remove("patientId");
        bad(Hooks.post(PV, noPatient), "context.patientId");
        ObjectNode badFhir = p.request("patient-view", p.prefetchAll(), List.of());
        ((ObjectNode) badFhir.path("prefetch")).set("conditions", Hooks.read("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"onsetDateTime\":\"yesterday\"}}]}"));
        // invalid FHIR in the prefetch is a 400 only on Prefer: handling=strict (else left out: CdsHooksInvalidPrefetchTest)
        bad(CdsHooksInvalidPrefetchTest.postStrict(badFhir), "prefetch.conditions.entry[0].resource.onsetDateTime");
        ObjectNode noInstance = p.request("patient-view", p.prefetchAll(), List.of());
        noInstance.remove("hookInstance");
        bad(Hooks.post(PV, noInstance), "hookInstance");
        Response notJson = given().header("Authorization", TestJwt.shared().token(Hooks.url("/cds-services/" + PV)).header())
                .contentType("application/json").body("{not json").post("/cds-services/" + PV);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
    }

    @Test
    void unknownServiceIs404() {
        TestPatient p = TestPatient.deNovo("pv-404", 50);
        Response r = Hooks.post("no-such-service", p.request("patient-view", p.prefetchAll(), List.of()));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("not-found");
    }

    static void bad(Response r, String location) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].expression[0]")).isEqualTo(location);
    }
}
