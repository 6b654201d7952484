package org.primum.cdshooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.scenarios.FhirCaseBuilder;
import org.primum.scenarios.ScenarioCase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static OrderHookHarness hooks;

    record Case(String name, ScenarioCase scenario, String hook) {
        @Override
        public String toString() {
            return name + " (" + hook + ")";
        }
    }

    @BeforeAll
    static void start() {
        hooks = new OrderHookHarness();
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
        hooks.assertOrderCards(c.toString(), FhirCaseBuilder.build(s), c.hook(), s.asOfDate(), s.expect().firesOrEmpty());
    }
}
