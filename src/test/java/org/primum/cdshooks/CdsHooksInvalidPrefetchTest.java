package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, class 9 in CDS Hooks: an invalid element in the prefetch no longer costs the patient every card.
 * Read leniently (the default) its resource is left out, the cards are computed without it, and a warning card
 * (DATA_INVALID_RECORD) says where; {@code Prefer: handling=strict} keeps the 400 naming the prefetch entry.
 */
@QuarkusTest
class CdsHooksInvalidPrefetchTest {

    static final String PV = CdsServiceCatalog.PATIENT_VIEW;

    /** The prefetch with the ER Observation given a second value[x]; returns its entry index. */
    static int secondValueOnTheErResult(ObjectNode prefetch) {
        JsonNode entries = prefetch.path("observations").path("entry");
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode r = (ObjectNode) entries.get(i).path("resource");
            if (r.path("id").asText().startsWith("receptor-er")) {
                r.put("valueString", "positive");
                return i;
            }
        }
        throw new AssertionError("no ER result in the prefetch");
    }

    static Response postStrict(ObjectNode body) {
        String path = "/cds-services/" + PV;
        return given().header("Authorization", TestJwt.shared().token(Hooks.url(path)).header()).header("Prefer", "handling=strict")
                .contentType("application/json").body(body.toString()).post(path);
    }

    @Test
    void anInvalidPrefetchElementGivesTheCardsWithoutItAndAWarningCardLocatingIt() {
        TestPatient p = TestPatient.deNovo("pv-invalid", 50).letrozole(6);
        ObjectNode prefetch = p.prefetchAll();
        int entry = secondValueOnTheErResult(prefetch);
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", prefetch, List.of()));

        assertThat(Hooks.allCodes(cards)).contains("DATA_INVALID_RECORD", "DATA_MISSING_RECEPTOR_STATUS", "SYSTEMIC_THERAPY_FIRST",
                "DEFER_LRT_UNTIL_RESPONSE");
        JsonNode invalid = Hooks.card(cards, "DATA_INVALID_RECORD");
        assertThat(invalid.path("indicator").asText()).isEqualTo("warning");
        assertThat(invalid.path("detail").asText()).contains("prefetch.observations.entry[" + entry + "].resource.value[x]");
    }

    @Test
    void theSameRequestWithPreferHandlingStrictIs400NamingThePrefetchEntry() {
        TestPatient p = TestPatient.deNovo("pv-invalid-strict", 50).letrozole(6);
        ObjectNode prefetch = p.prefetchAll();
        int entry = secondValueOnTheErResult(prefetch);
        Response r = postStrict(p.request("patient-view", prefetch, List.of()));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].location[0]")).isEqualTo("prefetch.observations.entry[" + entry + "].resource.value[x]");
    }

    /** Outside the guidance no card is shown, but what was left out may be what put the patient outside it. */
    @Test
    void aPatientOutsideTheGuidanceGetsOnlyTheInvalidRecordCard() {
        TestPatient p = TestPatient.of("pv-invalid-local").primary("left", 100).receptors("positive", "positive", "negative", 100).letrozole(10);
        ObjectNode prefetch = p.prefetchAll();
        secondValueOnTheErResult(prefetch);
        JsonNode cards = Hooks.cards(PV, p.request("patient-view", prefetch, List.of()));
        assertThat(Hooks.allCodes(cards)).containsExactly("DATA_INVALID_RECORD");
    }
}
