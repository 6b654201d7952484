package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.primum.core.Pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinical case with orders asked of the order hooks, as the tumour board was asked: the record without its orders
 * as the prefetch, its ServiceRequests as {@code context.draftOrders} (ids kept; order-select with every order
 * selected), evaluated as of the case's date; the cards must carry exactly the section E codes the case expects of
 * the tumour board, with the catalogue's card indicator, and a patient outside the guidance gets no card. Shared by
 * the clean-room order-hook tests (atypical patients, longitudinal courses).
 */
final class OrderHookHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /** Section E of the catalogue, with the card indicator it gives each. */
    private static final Map<String, String> ORDER_CHECKS = Map.of(
            "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "critical",
            "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT", "warning",
            "ORDER_LRT_DURING_DISTANT_PROGRESSION", "critical",
            "ORDER_MASTECTOMY_CONSIDER_CONSERVATION", "warning",
            "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE", "warning");
    private static final Set<String> OUTSIDE = Set.of("NOT_APPLICABLE_NO_METASTASIS", "NOT_APPLICABLE_RECURRENT",
            "NOT_APPLICABLE_PRIMARY_RESECTED", "NOT_APPLICABLE_DECEASED");

    private final CdsHooksService cds;

    OrderHookHarness() {
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), JSON, (codes, client) -> UUID.randomUUID());
        cds = new CdsHooksService(pipeline, new FhirFetcher(Duration.ofSeconds(10), 20), 50, cards, (client, server) -> Optional.empty());
    }

    /** Calls {@code hook} with {@code record} as of {@code asOf} and checks the cards against the codes the case fires. */
    void assertOrderCards(String label, Bundle record, String hook, LocalDate asOf, Collection<String> fires) throws Exception {
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(request(record, hook), hook), null, Pipeline.Options.LENIENT, asOf));
        JsonNode cards = response.path("cards");
        if (fires.stream().anyMatch(OUTSIDE::contains)) {
            assertThat(cards).as(label + ": a patient outside the guidance gets no card\n" + cards.toPrettyString()).isEmpty();
            return;
        }
        Map<String, String> found = new TreeMap<>();
        for (JsonNode card : cards) {
            for (String code : Hooks.codes(card)) {
                if (ORDER_CHECKS.containsKey(code)) found.put(code, card.path("indicator").asText());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        fires.stream().filter(ORDER_CHECKS::containsKey).forEach(code -> expected.put(code, ORDER_CHECKS.get(code)));
        // README "CDS Hooks": a contralateral or prophylactic mastectomy order gets only its critical card (withdraw
        // it), never the advice to conserve; in these cases every mastectomy ordered with that check is that order
        if (expected.containsKey("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE")) expected.remove("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        assertThat(found).as(label + ": the order checks on the cards, with their indicators\n" + cards.toPrettyString()).isEqualTo(expected);
    }

    /** The hook call: the record without its orders as the prefetch, the orders as draft orders (ids kept). */
    private static ObjectNode request(Bundle record, String hook) throws Exception {
        Bundle chart = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Bundle drafts = new Bundle().setType(Bundle.BundleType.COLLECTION);
        List<String> selections = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : record.getEntry()) {
            if (e.getResource() instanceof ServiceRequest order) {
                drafts.addEntry().setFullUrl(e.getFullUrl()).setResource(order);
                selections.add("ServiceRequest/" + order.getIdElement().getIdPart());
            } else {
                chart.addEntry(e);
            }
        }
        EhrChart ehr = EhrChart.of(FHIR.newJsonParser().encodeResourceToString(chart));
        ObjectNode body = ehr.request(ehr.prefetch(EhrChart.Medications.INCLUDED));
        body.put("hook", hook);
        ObjectNode context = (ObjectNode) body.path("context");
        context.set("draftOrders", JSON.readTree(FHIR.newJsonParser().encodeResourceToString(drafts)));
        if ("order-select".equals(hook)) {
            ArrayNode selected = context.putArray("selections");
            selections.forEach(selected::add);
        }
        return body;
    }
}
