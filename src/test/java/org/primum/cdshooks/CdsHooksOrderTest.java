package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-select and order-sign, one scenario per order check of catalogue section E: the warning or
 * critical card, its suggestion (the concrete alternative) and override reasons.
 */
@QuarkusTest
class CdsHooksOrderTest {

    static String service(String hook) {
        return "order-select".equals(hook) ? CdsServiceCatalog.ORDER_SELECT : CdsServiceCatalog.ORDER_SIGN;
    }

    static JsonNode call(String hook, TestPatient p, String... selected) {
        return Hooks.cards(service(hook), p.request(hook, p.prefetchAll(), List.of(selected)));
    }

    /** 24 weeks of letrozole, both sites stable: past the response window. */
    static TestPatient stableAfterWindow(String id) {
        return TestPatient.deNovo(id, 180).letrozole(24).status("distant", "stable", 7).status("primary", "stable", 7);
    }

    static List<JsonNode> actions(JsonNode suggestion) {
        List<JsonNode> out = new ArrayList<>();
        suggestion.path("actions").forEach(out::add);
        return out;
    }

    static void actionable(JsonNode card) {
        assertThat(card.path("selectionBehavior").asText()).isEqualTo("at-most-one");
        assertThat(card.path("overrideReasons").size()).isPositive();
        card.path("overrideReasons").forEach(r -> assertThat(r.path("display").asText()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void mastectomyOrderWarnsAndProposesBreastConservingSurgery(String hook) {
        TestPatient p = stableAfterWindow("ord-mast-" + hook);
        p.draft("sr-mast", "mastectomy", "left");
        JsonNode cards = call(hook, p, "ServiceRequest/sr-mast");
        JsonNode card = Hooks.card(cards, "ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        assertThat(card.path("indicator").asText()).isEqualTo("warning");
        actionable(card);
        JsonNode suggestion = card.path("suggestions").get(0);
        assertThat(suggestion.path("isRecommended").asBoolean()).isTrue();
        List<JsonNode> actions = actions(suggestion);
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("delete");
            assertThat(a.path("resourceId").asText()).isEqualTo("ServiceRequest/sr-mast");
        });
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("create");
            JsonNode sr = a.path("resource");
            assertThat(sr.path("resourceType").asText()).isEqualTo("ServiceRequest");
            assertThat(sr.path("status").asText()).isEqualTo("draft");
            assertThat(sr.path("intent").asText()).isEqualTo("proposal");
            assertThat(sr.path("code").path("coding").get(0).path("code").asText()).isEqualTo("64368001");
            assertThat(sr.path("subject").path("reference").asText()).isEqualTo("Patient/ord-mast-" + hook);
            assertThat(sr.path("bodySite").get(0).path("coding").get(0).path("code").asText()).isEqualTo("80248007");
        });
    }

    @Test
    void aDraftOrderIsNowWhateverDateTheEhrWroteOnIt() {
        // an EHR in a time zone ahead of the service's writes tomorrow's date on the draft: it is still the order under review
        TestPatient p = stableAfterWindow("ord-tomorrow");
        p.draft("sr-mast", "mastectomy", "right").setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType(
                java.time.LocalDate.now().plusDays(1).toString()));
        JsonNode cards = call("order-sign", p, "ServiceRequest/sr-mast");
        assertThat(Hooks.card(cards, "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE").path("indicator").asText()).isEqualTo("critical");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void contralateralProphylacticMastectomyIsCriticalWithARemoveSuggestion(String hook) {
        TestPatient p = stableAfterWindow("ord-cpm-" + hook);
        p.draft("sr-cpm", "mastectomy", "right"); // primary is left
        JsonNode cards = call(hook, p, "ServiceRequest/sr-cpm");
        JsonNode card = Hooks.card(cards, "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
        assertThat(card.path("indicator").asText()).isEqualTo("critical");
        actionable(card);
        List<JsonNode> actions = actions(card.path("suggestions").get(0));
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.path("type").asText()).isEqualTo("delete");
            assertThat(a.path("resourceId").asText()).isEqualTo("ServiceRequest/sr-cpm");
        });
        // critical first, and the only card: no "consider breast conservation" (whose suggestion would create a
        // partial mastectomy of the healthy breast), no how-to advice about an order that is to be withdrawn
        assertThat(cards.get(0).path("indicator").asText()).isEqualTo("critical");
        assertThat(Hooks.allCodes(cards)).containsExactly("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void bilateralMastectomyOrdersGetConservationSuggestedForTheDiseasedBreastOnly(String hook) {
        TestPatient p = stableAfterWindow("ord-bilat-" + hook);
        p.draft("sr-left", "mastectomy", "left"); // the primary's side
        p.draft("sr-right", "mastectomy", "right"); // contralateral: prophylactic
        JsonNode cards = call(hook, p, "ServiceRequest/sr-left", "ServiceRequest/sr-right");
        JsonNode cpm = Hooks.card(cards, "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
        assertThat(actions(cpm.path("suggestions").get(0))).singleElement()
                .satisfies(a -> assertThat(a.path("resourceId").asText()).isEqualTo("ServiceRequest/sr-right"));
        JsonNode conservation = Hooks.card(cards, "ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        for (JsonNode suggestion : conservation.path("suggestions")) {
            for (JsonNode a : actions(suggestion)) {
                assertThat(a.path("resourceId").asText()).isNotEqualTo("ServiceRequest/sr-right");
                if (a.has("resource")) {
                    // the proposed partial mastectomy is of the left breast (80248007), never of the healthy right one
                    assertThat(a.path("resource").path("bodySite").get(0).path("coding").get(0).path("code").asText()).isEqualTo("80248007");
                }
            }
        }
        assertThat(conservation.path("suggestions").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void locoregionalOrderBeforeTheResponseWindowWarnsAndProposesATumourBoard(String hook) {
        TestPatient p = TestPatient.deNovo("ord-early-" + hook, 40).letrozole(4);
        p.draft("sr-rt", "breast-radiotherapy", "left");
        JsonNode cards = call(hook, p, "ServiceRequest/sr-rt");
        JsonNode card = Hooks.card(cards, "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT");
        assertThat(card.path("indicator").asText()).isEqualTo("warning");
        actionable(card);
        tumourBoardSuggestion(card, "sr-rt", "ord-early-" + hook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void locoregionalOrderDuringDistantProgressionIsCritical(String hook) {
        TestPatient p = TestPatient.deNovo("ord-prog-" + hook, 200).letrozole(26).status("distant", "progressing", 5);
        p.draft("sr-lump", "lumpectomy", "left");
        JsonNode cards = call(hook, p, "ServiceRequest/sr-lump");
        JsonNode card = Hooks.card(cards, "ORDER_LRT_DURING_DISTANT_PROGRESSION");
        assertThat(card.path("indicator").asText()).isEqualTo("critical");
        actionable(card);
        tumourBoardSuggestion(card, "sr-lump", "ord-prog-" + hook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void axillaryDissectionOfANodeNegativeAxillaProposesSentinelNodeBiopsy(String hook) {
        TestPatient p = stableAfterWindow("ord-alnd-" + hook).tnm("cN0", 180);
        p.draft("sr-alnd", "axillary-dissection", null);
        JsonNode cards = call(hook, p, "ServiceRequest/sr-alnd");
        JsonNode card = Hooks.card(cards, "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE");
        assertThat(card.path("indicator").asText()).isEqualTo("warning");
        actionable(card);
        List<JsonNode> actions = actions(card.path("suggestions").get(0));
        assertThat(actions).anySatisfy(a -> assertThat(a.path("resourceId").asText()).isEqualTo("ServiceRequest/sr-alnd"));
        assertThat(actions).anySatisfy(a -> assertThat(a.path("resource").path("code").path("coding").path(0).path("code").asText()).isEqualTo("396487001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-select", "order-sign"})
    void acceptableOrderGetsNoWarning(String hook) {
        TestPatient p = stableAfterWindow("ord-ok-" + hook).tnm("cN1", 180);
        p.draft("sr-snb", "sentinel-node-biopsy", null);
        JsonNode cards = call(hook, p, "ServiceRequest/sr-snb");
        for (JsonNode c : cards) assertThat(c.path("indicator").asText()).isEqualTo("info");
        assertThat(Hooks.allCodes(cards)).noneMatch(c -> c.startsWith("ORDER_") || c.startsWith("CONTRALATERAL"));
    }

    @org.junit.jupiter.api.Test
    void orderSelectChecksTheSelectedOrdersOnlyAndOrderSignChecksThemAll() {
        TestPatient p = stableAfterWindow("ord-focus");
        p.draft("sr-mast", "mastectomy", "left");
        p.draft("sr-lump", "lumpectomy", "left");
        JsonNode selected = call("order-select", p, "ServiceRequest/sr-lump");
        assertThat(Hooks.allCodes(selected)).doesNotContain("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        // cards about the unselected order alone are not shown (cards that also concern the selected one may name it as context)
        for (JsonNode c : selected) assertThat(c.path("detail").asText()).contains("ServiceRequest/sr-lump");
        JsonNode signed = call("order-sign", p);
        assertThat(Hooks.allCodes(signed)).contains("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
    }

    @org.junit.jupiter.api.Test
    void orderForAPatientOutsideTheGuidanceGetsNoCards() {
        TestPatient p = TestPatient.of("ord-local").primary("left", 100).receptors("positive", "positive", "negative", 100);
        p.draft("sr-mast", "mastectomy", "left");
        assertThat(call("order-sign", p)).isEmpty();
        assertThat(call("order-select", p, "ServiceRequest/sr-mast")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void selectionsMustNameDraftOrders() {
        TestPatient p = stableAfterWindow("ord-badsel");
        p.draft("sr-mast", "mastectomy", "left");
        var r = Hooks.post(CdsServiceCatalog.ORDER_SELECT, p.request("order-select", p.prefetchAll(), List.of("ServiceRequest/nope")));
        CdsHooksPatientViewTest.bad(r, "context.selections");
        var body = p.request("order-sign", p.prefetchAll(), List.of());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.path("context")).remove("draftOrders");
        CdsHooksPatientViewTest.bad(Hooks.post(CdsServiceCatalog.ORDER_SIGN, body), "context.draftOrders");
    }

    static void tumourBoardSuggestion(JsonNode card, String orderId, String patientId) {
        JsonNode recommended = null;
        for (JsonNode s : card.path("suggestions")) if (s.path("isRecommended").asBoolean()) recommended = s;
        assertThat(recommended).as("a recommended suggestion").isNotNull();
        List<JsonNode> actions = actions(recommended);
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("delete");
            assertThat(a.path("resourceId").asText()).isEqualTo("ServiceRequest/" + orderId);
        });
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("create");
            JsonNode sr = a.path("resource");
            assertThat(sr.path("code").path("coding").get(0).path("code").asText()).isEqualTo("C93304");
            assertThat(sr.path("subject").path("reference").asText()).isEqualTo("Patient/" + patientId);
            assertThat(sr.path("requester").path("reference").asText()).isEqualTo("Practitioner/surgeon-1");
        });
    }
}
