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
import org.primum.scenarios.LongitudinalCourse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order days of the longitudinal courses ({@code scenarios/longitudinal/*.yml}, days with a {@code hook}) as the
 * order hooks see them: the record of that day as the prefetch, the day's orders as {@code context.draftOrders}
 * (order-select with every order selected, or order-sign), evaluated as of the day. The cards carry exactly the
 * section E codes the day expects of the tumour board, with the catalogue's indicator, and a patient outside the
 * guidance on that day (deceased, recurrent) gets no card.
 */
class LongitudinalOrderHooksTest {
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

    record Case(String name, LongitudinalCourse course, LongitudinalCourse.Day day) {
        @Override
        public String toString() {
            return name + " " + day.asOf() + " (" + day.hook() + ")";
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
        for (Path file : LongitudinalCourse.files()) {
            LongitudinalCourse course = LongitudinalCourse.read(file);
            for (LongitudinalCourse.Day day : course.days()) {
                if (day.hook() != null) out.add(new Case(file.getFileName().toString().replace(".yml", ""), course, day));
            }
        }
        // the brief of round 3: order hooks on at least 3 courses, 3 days each
        assertThat(out.stream().map(Case::name).distinct().filter(n -> out.stream().filter(c -> c.name().equals(n)).count() >= 3))
                .as("courses with order hooks on 3 days").hasSizeGreaterThanOrEqualTo(3);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderCardsAsTheDayExpects(Case c) throws Exception {
        String hook = c.day().hook();
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(request(c.course().bundle(c.day()), hook), hook), null,
                Pipeline.Options.LENIENT, LocalDate.parse(c.day().asOf())));
        JsonNode cards = response.path("cards");
        if (c.day().fires().stream().anyMatch(OUTSIDE::contains)) {
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
        c.day().fires().stream().filter(ORDER_CHECKS::containsKey).forEach(code -> expected.put(code, ORDER_CHECKS.get(code)));
        // README "CDS Hooks": a contralateral or prophylactic mastectomy order gets only its critical card (withdraw
        // it), never the advice to conserve; on these days every mastectomy ordered with that check is that order
        if (expected.containsKey("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE")) expected.remove("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        assertThat(found).as(c + ": the order checks on the cards, with their indicators\n" + cards.toPrettyString()).isEqualTo(expected);
    }

    /** The hook call: the day's record without its orders as the prefetch, the orders as draft orders (ids kept). */
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
