package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Feedback round trip: cards from real calls, feedback posted as the specification shapes it, counted per catalogue code. */
@QuarkusTest
class CdsHooksFeedbackTest {

    @Inject
    FeedbackStore store;

    static Response postFeedback(String serviceId, String body) {
        String path = "/cds-services/" + serviceId + "/feedback";
        return given().header("Authorization", TestJwt.shared().token(Hooks.url(path)).header())
                .contentType("application/json").body(body).post(path);
    }

    /** The summary as the test EHR (TestJwt.ISSUER) sees it. */
    static JsonNode summary() {
        return summary(TestJwt.ISSUER, "ec-1");
    }

    static JsonNode summary(String issuer, String key) {
        String path = "/cds-services/feedback/summary";
        Response r = given().header("Authorization", TestJwt.shared().token(Hooks.url(path)).issuer(issuer).key(key).header()).get(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return Hooks.read(r.asString());
    }

    static long count(JsonNode summary, String code, String field) {
        for (JsonNode c : summary.path("codes")) if (code.equals(c.path("code").asText())) return c.path(field).asLong();
        return 0;
    }

    static long reasonCount(JsonNode summary, String code, String reason) {
        for (JsonNode c : summary.path("codes")) if (code.equals(c.path("code").asText())) return c.path("overrideReasons").path(reason).asLong();
        return 0;
    }

    @Test
    void acceptedAndOverriddenCardsAreCountedPerCatalogueCode() {
        JsonNode before = summary();

        TestPatient p = TestPatient.deNovo("fb-1", 180).letrozole(24).status("distant", "stable", 7).status("primary", "stable", 7);
        p.draft("sr-mast", "mastectomy", "left");
        JsonNode orderCards = Hooks.cards(CdsServiceCatalog.ORDER_SIGN, p.request("order-sign", p.prefetchAll(), List.of()));
        JsonNode mast = Hooks.card(orderCards, "ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        String suggestion = mast.path("suggestions").get(0).path("uuid").asText();
        Response accepted = postFeedback(CdsServiceCatalog.ORDER_SIGN, "{\"feedback\":[{\"card\":\"" + mast.path("uuid").asText()
                + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"" + suggestion + "\"}],\"outcomeTimestamp\":\"2026-11-23T10:05:31Z\"}]}");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);

        TestPatient q = TestPatient.deNovo("fb-2", 50).letrozole(6);
        JsonNode pvCards = Hooks.cards(CdsServiceCatalog.PATIENT_VIEW, q.request("patient-view", q.prefetchAll(), List.of()));
        JsonNode group = null;
        for (JsonNode c : pvCards) if (Hooks.codes(c).contains("SYSTEMIC_THERAPY_FIRST")) group = c;
        assertThat(Hooks.codes(group)).contains("MULTIDISCIPLINARY_DISCUSSION");
        JsonNode defer = Hooks.card(pvCards, "DEFER_LRT_UNTIL_RESPONSE");
        Response overridden = postFeedback(CdsServiceCatalog.PATIENT_VIEW, "{\"feedback\":["
                + "{\"card\":\"" + group.path("uuid").asText() + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:06:00Z\"},"
                + "{\"card\":\"" + defer.path("uuid").asText() + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"system\":"
                + "\"urn:primum:cds-override-reason\",\"code\":\"tumour-board-decision\",\"display\":\"Decided at a multidisciplinary tumour board\"},"
                + "\"userComment\":\"discussed on Monday\"},\"outcomeTimestamp\":\"2026-11-23T10:07:00.52Z\"}]}");
        assertThat(overridden.statusCode()).as(overridden.asString()).isEqualTo(200);

        JsonNode after = summary();
        assertThat(after.path("feedbackItems").asLong() - before.path("feedbackItems").asLong()).isEqualTo(3);
        assertThat(count(after, "ORDER_MASTECTOMY_CONSIDER_CONSERVATION", "accepted") - count(before, "ORDER_MASTECTOMY_CONSIDER_CONSERVATION", "accepted")).isEqualTo(1);
        // the grouped card counts for each of its codes
        assertThat(count(after, "SYSTEMIC_THERAPY_FIRST", "overridden") - count(before, "SYSTEMIC_THERAPY_FIRST", "overridden")).isEqualTo(1);
        assertThat(count(after, "MULTIDISCIPLINARY_DISCUSSION", "overridden") - count(before, "MULTIDISCIPLINARY_DISCUSSION", "overridden")).isEqualTo(1);
        assertThat(count(after, "DEFER_LRT_UNTIL_RESPONSE", "overridden") - count(before, "DEFER_LRT_UNTIL_RESPONSE", "overridden")).isEqualTo(1);
        assertThat(reasonCount(after, "DEFER_LRT_UNTIL_RESPONSE", "tumour-board-decision")
                - reasonCount(before, "DEFER_LRT_UNTIL_RESPONSE", "tumour-board-decision")).isEqualTo(1);
        assertThat(count(after, "DEFER_LRT_UNTIL_RESPONSE", "accepted")).isEqualTo(count(before, "DEFER_LRT_UNTIL_RESPONSE", "accepted"));
    }

    @Test
    void feedbackOnACardNotIssuedToTheCallerIs404AndCountedNowhere() {
        JsonNode before = summary();
        String ours = store.cardId(List.of("SYSTEMIC_THERAPY_FIRST"), TestJwt.ISSUER).toString();
        String theirs = store.cardId(List.of("SYSTEMIC_THERAPY_FIRST"), TestJwt.INLINE_ISSUER).toString();
        for (String card : List.of(UUID.randomUUID().toString(), theirs, "not-a-uuid")) {
            // the good card first: one unknown card refuses the whole request, nothing of it is stored
            Response r = postFeedback(CdsServiceCatalog.PATIENT_VIEW, "{\"feedback\":["
                    + "{\"card\":\"" + ours + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"},"
                    + "{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}");
            assertThat(r.statusCode()).as(card + " → " + r.asString()).isEqualTo(404);
            assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
            assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("not-found");
            assertThat(r.jsonPath().getString("issue[0].expression[0]")).isEqualTo("feedback[1].card");
        }
        assertThat(summary()).isEqualTo(before);
    }

    @Test
    void theSummaryCountsOnlyTheCallersFeedback() {
        JsonNode mineBefore = summary();
        JsonNode theirsBefore = summary(TestJwt.INLINE_ISSUER, "inline-1");
        String theirs = store.cardId(List.of("OFFER_CLINICAL_TRIAL"), TestJwt.INLINE_ISSUER).toString();
        String path = "/cds-services/" + CdsServiceCatalog.PATIENT_VIEW + "/feedback";
        Response r = given().header("Authorization", TestJwt.shared().token(Hooks.url(path)).issuer(TestJwt.INLINE_ISSUER).key("inline-1").header())
                .contentType("application/json")
                .body("{\"feedback\":[{\"card\":\"" + theirs + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}")
                .post(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);

        JsonNode theirsAfter = summary(TestJwt.INLINE_ISSUER, "inline-1");
        assertThat(theirsAfter.path("feedbackItems").asLong()).isEqualTo(theirsBefore.path("feedbackItems").asLong() + 1);
        assertThat(count(theirsAfter, "OFFER_CLINICAL_TRIAL", "overridden") - count(theirsBefore, "OFFER_CLINICAL_TRIAL", "overridden")).isEqualTo(1);
        assertThat(summary()).isEqualTo(mineBefore);
    }

    @Test
    void malformedFeedbackIs400() {
        String card = store.cardId(List.of("SYSTEMIC_THERAPY_FIRST"), TestJwt.ISSUER).toString();
        for (String body : List.of("{}", "{\"feedback\":[]}", "[1,2]",
                "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}",
                "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\"}]}",
                "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"yesterday\"}]}",
                "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}",
                "{\"feedback\":[{\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}")) {
            Response r = postFeedback(CdsServiceCatalog.PATIENT_VIEW, body);
            assertThat(r.statusCode()).as(body + " → " + r.asString()).isEqualTo(400);
            assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        }
        assertThat(postFeedback("no-such-service", "{\"feedback\":[]}").statusCode()).isEqualTo(404);
    }

    @Test
    void cardIdsCarryTheirCodesForTheirClientAndAreUnique() {
        UUID a = store.cardId(List.of("B_CODE", "A_CODE"), TestJwt.ISSUER);
        UUID b = store.cardId(List.of("A_CODE", "B_CODE"), TestJwt.ISSUER);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.version()).isEqualTo(8);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(store.codesOf(a.toString(), TestJwt.ISSUER)).containsExactly("A_CODE", "B_CODE");
        assertThat(store.codesOf(b.toString(), TestJwt.ISSUER)).containsExactly("A_CODE", "B_CODE");
        assertThat(store.codesOf(a.toString(), TestJwt.INLINE_ISSUER)).isEmpty();
        assertThat(store.codesOf(UUID.randomUUID().toString(), TestJwt.ISSUER)).isEmpty();
        assertThat(store.codesOf("not-a-uuid", TestJwt.ISSUER)).isEmpty();
    }
}
