package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.core.Pipeline;
import org.primum.scenarios.FhirCaseBuilder;
import org.primum.scenarios.ScenarioCase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The atypical clean-room patients with an order ({@code scenarios/atypical/atyp-*.yaml}) as the order hooks see them:
 * the record as the prefetch, the orders as {@code context.draftOrders} (order-sign; order-select with every order
 * selected), evaluated as of the case's date. The cards must carry exactly the section E codes the scenario expects of
 * the tumour board (critical for a contralateral prophylactic mastectomy and for LRT during distant progression, the
 * catalogue's card column), and no card at all for a patient outside the guidance. An order that proposes nothing
 * (revoked) is the tumour-board record's concern, not a draft order's: left out here; so is a case whose order is
 * authored after its date: the tumour board's replay leaves that order out (catalogue "evaluation date"), while a
 * draft order is always under review (CdsHooksOrderTest.aDraftOrderIsNowWhateverDateTheEhrWroteOnIt), so the
 * scenario's expectation is not the hook's.
 */
class AtypicalOrderHooksTest {
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

    private static CdsHooksService cds;

    record Case(String name, ScenarioCase scenario, String hook) {
        @Override
        public String toString() {
            return name + " (" + hook + ")";
        }
    }

    @BeforeAll
    static void start() {
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), JSON, (codes, client) -> UUID.randomUUID());
        cds = new CdsHooksService(pipeline, new FhirFetcher(Duration.ofSeconds(10), 20), 50, cards, (client, server) -> Optional.empty());
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Path file : ScenarioCase.files()) {
            if (!file.getParent().getFileName().toString().equals("atypical")) continue;
            ScenarioCase c = ScenarioCase.read(file);
            List<ScenarioCase.Proc> orders = c.orders() == null ? List.of() : c.orders();
            if (orders.isEmpty() || !orders.stream().allMatch(ScenarioCase.Proc::isProposed)) continue;
            if (orders.stream().anyMatch(o -> o.date() != null && java.time.LocalDate.parse(o.date()).isAfter(c.asOfDate()))) continue;
            for (String hook : List.of("order-sign", "order-select")) out.add(new Case(ScenarioCase.name(file), c, hook));
        }
        assertThat(out).as("atypical cases with orders").hasSizeGreaterThanOrEqualTo(20);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderCardsAsTheScenarioExpects(Case c) throws Exception {
        ScenarioCase s = c.scenario();
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(request(s, c.hook()), c.hook()), null, Pipeline.Options.LENIENT, s.asOfDate()));
        JsonNode cards = response.path("cards");
        boolean outside = s.expect().firesOrEmpty().stream().anyMatch(OUTSIDE::contains);
        if (outside) {
            assertThat(cards).as(c + ": a patient outside the guidance gets no card\n" + cards.toPrettyString()).isEmpty();
            return;
        }
        Map<String, String> found = new TreeMap<>();
        for (JsonNode card : cards) {
            for (String code : Hooks.codes(card)) {
                if (ORDER_CHECKS.containsKey(code)) found.put(code, card.path("indicator").asText());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        s.expect().firesOrEmpty().stream().filter(ORDER_CHECKS::containsKey).forEach(code -> expected.put(code, ORDER_CHECKS.get(code)));
        // README "CDS Hooks": an order that is a contralateral or prophylactic mastectomy gets only its critical card
        // (withdraw it), never the advice to conserve; in these cases every mastectomy ordered is that order
        if (expected.containsKey("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE")) expected.remove("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        assertThat(found).as(c + ": the order checks on the cards, with their indicators\n" + cards.toPrettyString()).isEqualTo(expected);
    }

    /** The hook call: the record without its orders as the prefetch, the orders as draft orders (ids kept). */
    private static ObjectNode request(ScenarioCase s, String hook) throws Exception {
        Bundle record = FhirCaseBuilder.build(s);
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
