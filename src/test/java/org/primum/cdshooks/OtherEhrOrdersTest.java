package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.core.Pipeline;
import org.primum.testdata.CodeSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Order hooks called the way EHRs write them, not by our own builder: raw order-select / order-sign requests in
 * {@code src/test/resources/fixtures/others-orders/} (draft orders coded in CPT, ICD-10-PCS or SNOMED with the side in
 * a qualifier, a body site or the code, written as text only, in every status and intent; records with the primary's
 * side only in its ICD-10-CM code, nodal status as AJCC or SNOMED, missing, undated or contradictory dates and
 * statuses). Each row says which catalogue codes the cards must carry (the full set, over all cards) and which must
 * not; rows marked [fixed] answered wrongly before the fix they came with (commit history of this test). The service
 * is built without Quarkus and evaluated as of the row's date; every key is prefetched, and for a few rows the record is
 * also read from a FHIR server instead (HAPI's RestfulServer, {@link TestFhirServer}), with the same cards.
 */
class OtherEhrOrdersTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/others-orders");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What accompanies an LRT order of the primary under review (catalogue B: disclosure, trial). */
    static final String[] LRT_ORDER = {"DISCLOSE_NO_SURVIVAL_BENEFIT", "OFFER_CLINICAL_TRIAL"};
    /** ... and, when it is surgery, the section D advice. */
    static final String[] SURGICAL_ORDER = {"DISCLOSE_NO_SURVIVAL_BENEFIT", "OFFER_CLINICAL_TRIAL", "BREAST_CONSERVATION_PREFERRED",
            "AIM_FOR_CLEAR_MARGINS", "AXILLA_BY_NODAL_STATUS", "RADIOTHERAPY_EVIDENCE_CONFLICTING", "SURGERY_AFTER_SYSTEMIC_THERAPY"};
    static final String CPM = "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE";
    static final String BEFORE = "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT";
    static final String DURING = "ORDER_LRT_DURING_DISTANT_PROGRESSION";
    static final String MASTECTOMY = "ORDER_MASTECTOMY_CONSIDER_CONSERVATION";
    static final String NODE_NEGATIVE = "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE";
    static final String NO_START = "DATA_MISSING_THERAPY_START";
    static final String NO_ASSESSMENT = "DATA_MISSING_RESPONSE_ASSESSMENT";
    /** Record dates of the cases: 8 weeks of letrozole (before the window), 21 weeks (after it). */
    static final String WEEK_8 = "2024-04-01", WEEK_21 = "2024-07-01";

    private static Pipeline pipeline;
    private static CdsHooksService cds;
    private static TestFhirServer fhir;

    record Row(String file, String asOf, String why, Set<String> cards, Set<String> not) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static Row row(String file, String asOf, String why, Set<String> cards, Set<String> not) {
        return new Row(file, asOf, why, cards, not);
    }

    /** Codes, or the groups above spelled by their names. */
    static Set<String> cards(String... codes) {
        return CodeSets.expand(Map.of("LRT_ORDER", LRT_ORDER, "SURGICAL_ORDER", SURGICAL_ORDER), codes);
    }

    static Set<String> not(String... codes) {
        return CodeSets.of(codes);
    }

    static List<Row> rows() {
        return List.of(
                // codes as EHRs write them
                row("01-cpt-mastectomy-left-qualifier-early", WEEK_8, "CPT 19303, side in the mCODE qualifier, 8 weeks: premature, conservation",
                        cards(BEFORE, MASTECTOMY, "SURGICAL_ORDER"), not(CPM, DURING)),
                row("02-cpt-modified-radical-no-site-progression", WEEK_21, "CPT 19307 without body site while the bone disease progresses",
                        cards(DURING, MASTECTOMY, "SURGICAL_ORDER"), not(BEFORE, CPM)),
                row("03-cpt-lumpectomy-active-order-early", WEEK_8, "CPT 19301 (partial mastectomy), status active, intent order: premature, no mastectomy card",
                        cards(BEFORE, "SURGICAL_ORDER"), not(MASTECTOMY)),
                row("04-cpt-axillary-dissection-cn0-ajcc", WEEK_21, "CPT 38745 with cN0 in the AJCC code system",
                        cards(NODE_NEGATIVE, "SURGICAL_ORDER"), not()),
                row("05-cpt-axillary-dissection-cn0-snomed", WEEK_21, "CPT 38745 with cN0 as the AJCC SNOMED qualifier 1229967007",
                        cards(NODE_NEGATIVE, "SURGICAL_ORDER"), not()),
                row("06-cpt-rt-delivery-breast-early", WEEK_8, "[fixed] CPT 77412 (RT delivery) to the left breast at 8 weeks: premature (was: code unknown, no card)",
                        cards(BEFORE, "LRT_ORDER"), not()),
                row("07-cpt-imrt-delivery-chest-wall-progression", WEEK_21, "[fixed] CPT 77385 (IMRT) to the chest wall during progression (was: no card)",
                        cards(DURING, "LRT_ORDER"), not()),
                row("08-cpt-rt-delivery-bone-early", WEEK_8, "CPT 77412 to bone: palliation of a metastasis, not LRT",
                        cards(), not(BEFORE)),
                row("09-snomed-ebrt-bone-early", WEEK_8, "SNOMED external beam RT to bone: not LRT",
                        cards(), not(BEFORE)),
                row("10-pcs-mastectomy-right-contralateral", WEEK_21, "ICD-10-PCS 0HTT0ZZ (right breast resection), primary left",
                        cards(CPM), not(MASTECTOMY)),
                row("11-pcs-bilateral-mastectomy", WEEK_21, "ICD-10-PCS 0HTV0ZZ (both breasts) for a one-sided cancer",
                        cards(CPM), not()),
                row("12-snomed-mastectomy-right-breast-structure", WEEK_21, "simple mastectomy, body site 73056007 right breast structure",
                        cards(CPM), not()),
                row("13-snomed-mastectomy-right-qualifier", WEEK_21, "simple mastectomy, breast structure with the right laterality qualifier",
                        cards(CPM), not()),
                row("14-snomed-mastectomy-of-right-breast-code", WEEK_21, "side in the code (429400009 mastectomy of right breast)",
                        cards(CPM), not()),
                row("15-bilateral-simple-mastectomy", WEEK_21, "22418005 bilateral simple mastectomy",
                        cards(CPM), not()),
                row("16-cpt-mastectomy-both-breast-sites", WEEK_21, "CPT 19303 with a left and a right body site: bilateral",
                        cards(CPM), not()),
                row("17-contralateral-primary-icd10cm-left", WEEK_21, "primary's side only in ICD-10-CM C50.912 (left), right mastectomy",
                        cards(CPM), not()),
                row("18-ipsilateral-primary-icd10cm-right", WEEK_21, "primary C50.911 (right), right mastectomy: the primary's own side",
                        cards(MASTECTOMY, "SURGICAL_ORDER"), not(CPM)),
                row("19-prophylactic-mastectomy-code", WEEK_21, "726636007 prophylactic bilateral mastectomy",
                        cards(CPM), not()),
                row("20-prophylactic-reason-z40-01-same-side", WEEK_21, "[fixed] mastectomy of the primary's side with reasonCode ICD-10-CM Z40.01 (prophylactic removal), no display (was: conservation card, as for treatment)",
                        cards(CPM), not(MASTECTOMY)),
                row("21-prophylactic-reason-text", WEEK_21, "reason written 'Risk-reducing'",
                        cards(CPM), not()),
                // text only, statuses, intents
                row("22-text-only-mastectomy-early", WEEK_8, "[fixed] order written as text only, 'Left simple mastectomy' (was: unrecognised, no card)",
                        cards(BEFORE, MASTECTOMY, "SURGICAL_ORDER"), not(CPM)),
                row("23-text-only-lumpectomy-progression", WEEK_21, "[fixed] 'Lumpectomy, left breast' as text during progression (was: no card)",
                        cards(DURING, "SURGICAL_ORDER"), not(MASTECTOMY)),
                row("24-text-only-breast-radiotherapy-early", WEEK_8, "[fixed] 'Whole breast radiotherapy' as text at 8 weeks (was: no card)",
                        cards(BEFORE, "LRT_ORDER"), not()),
                row("25-status-active-lumpectomy-progression", WEEK_21, "status active: judged",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                row("25-status-on-hold-lumpectomy-progression", WEEK_21, "[fixed] status on-hold: suspended, still proposed (was: no card)",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                row("25-status-revoked-lumpectomy-progression", WEEK_21, "status revoked: withdrawn",
                        cards(), not(DURING)),
                row("25-status-entered-in-error-lumpectomy-progression", WEEK_21, "status entered-in-error",
                        cards(), not(DURING)),
                row("25-status-completed-lumpectomy-progression", WEEK_21, "status completed: no longer a proposal",
                        cards(), not(DURING)),
                row("26-intent-plan-lumpectomy-progression", WEEK_21, "intent plan: judged as any proposal",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                row("26-intent-original-order-lumpectomy-progression", WEEK_21, "intent original-order",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                row("27-future-occurrence-lumpectomy-early", WEEK_8, "occurrenceDateTime in the future: judged on the record today",
                        cards(BEFORE, "SURGICAL_ORDER"), not()),
                row("28-do-not-perform-mastectomy", WEEK_8, "doNotPerform: no proposal",
                        cards(), not(MASTECTOMY, BEFORE)),
                // selections and shapes of draftOrders
                row("29-select-lumpectomy-of-two", WEEK_21, "order-select of the lumpectomy beside an unselected contralateral mastectomy",
                        cards("SURGICAL_ORDER"), not(CPM, MASTECTOMY)),
                row("30-select-contralateral-of-two", WEEK_21, "order-select of the contralateral mastectomy: only its critical card",
                        cards(CPM), not(MASTECTOMY)),
                row("31-medication-request-only", WEEK_8, "draftOrders holding a MedicationRequest only",
                        cards(), not(BEFORE)),
                row("32-empty-draft-orders", WEEK_8, "an empty draftOrders Bundle",
                        cards(), not()),
                // fail safe
                row("33-therapy-start-unknown", WEEK_8, "[fixed] therapy without a start: premature (fail safe) and the card saying why (was: data gap not shown)",
                        cards(NO_START, BEFORE, "SURGICAL_ORDER"), not()),
                row("34-no-distant-status-after-window", WEEK_21, "[fixed] 21 weeks, no status of the distant disease: the progression check cannot be judged, the data gap says why (was: info cards only)",
                        cards(NO_ASSESSMENT, "SURGICAL_ORDER"), not()),
                row("35-undated-progressing-status", WEEK_21, "an undated 'progressing' beside a dated 'stable': progression counts (fail safe), no assessment",
                        cards(DURING, NO_ASSESSMENT, "SURGICAL_ORDER"), not()),
                row("36-same-day-contradictory-statuses", WEEK_21, "stable and progressing on one date: progression wins",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                row("37-primary-laterality-unknown-mastectomy-right", WEEK_21, "primary's side unknown: contralateral cannot be judged (no catalogue code says so); the mastectomy card still warns",
                        cards(MASTECTOMY, "SURGICAL_ORDER"), not(CPM)),
                row("38-nodal-status-unknown-axillary-dissection", WEEK_21, "no N category: node-negative cannot be judged (no catalogue code); the axilla advice is shown",
                        cards("SURGICAL_ORDER"), not(NODE_NEGATIVE)),
                row("39-no-therapy-at-all", WEEK_8, "no systemic therapy: premature",
                        cards(BEFORE, "SURGICAL_ORDER"), not()),
                row("40-undated-therapy-undated-status", WEEK_21, "undated therapy, undated status: weeks unknown, premature",
                        cards(NO_START, BEFORE, "SURGICAL_ORDER"), not()),
                row("41-text-only-right-mastectomy-contralateral", WEEK_21, "[fixed] 'Right total mastectomy' as text, primary left (was: no card)",
                        cards(CPM), not(MASTECTOMY)),
                row("42-cpt-mastectomy-body-site-text-left", WEEK_21, "CPT 19303, body site as text 'Left breast': the primary's side",
                        cards(MASTECTOMY, "SURGICAL_ORDER"), not(CPM)),
                row("43-cpt-mastectomy-body-site-text-right", WEEK_21, "[fixed] CPT 19303, body site as text 'Right breast', primary left (was: conservation card, as for treatment)",
                        cards(CPM), not(MASTECTOMY)),
                row("44-early-check-only-after-window", WEEK_21, "[fixed] 21 weeks, only a status 4 weeks into therapy (an early check): the data gap says why the progression check is open (was: info cards only)",
                        cards(NO_ASSESSMENT, "SURGICAL_ORDER"), not(DURING)),
                row("45-select-bone-rt-no-assessment", WEEK_21, "order-select of RT to bone beside an unselected lumpectomy: no LRT order under review, so no data-gap card",
                        cards(), not(NO_ASSESSMENT, BEFORE)),
                row("46-local-code-display-only-mastectomy-progression", WEEK_21, "[fixed] a local orderable code whose display says 'MASTECTOMY SIMPLE LEFT' (was: unrecognised, no card)",
                        cards(DURING, MASTECTOMY, "SURGICAL_ORDER"), not()),
                row("47-stored-copy-completed-draft-active", WEEK_21, "the server's stored copy of the order is revoked, the draft under review is not: the draft counts",
                        cards(DURING, "SURGICAL_ORDER"), not()),
                // US codes
                row("60-hcpcs-rt-delivery-breast-early", WEEK_8, "[fixed] HCPCS G6012 (the Medicare RT delivery code) without display, to the left breast at 8 weeks: premature (was: unrecognised, no card)",
                        cards(BEFORE, "LRT_ORDER"), not()),
                row("61-cpt-mastectomy-rt-modifier-contralateral", WEEK_8, "[fixed] CPT 19303 with the modifier RT as a second coding without display, no body site, primary left: contralateral prophylactic, as 10 (was: side unknown, read as the primary's mastectomy)",
                        cards(CPM), not(MASTECTOMY, BEFORE)),
                row("62-cpt-rt-planning-order-breast-early", WEEK_8, "CPT 77263 (treatment planning) ordered for the left breast: the order proposes the radiotherapy it plans, premature",
                        cards(BEFORE, "LRT_ORDER"), not()),
                row("63-pcs-beam-radiation-left-breast-early", WEEK_8, "[fixed] ICD-10-PCS DM001ZZ (beam radiation of the left breast) ordered at 8 weeks: premature (was: unrecognised, no card)",
                        cards(BEFORE, "LRT_ORDER"), not()),
                row("64-cpt-code-with-appended-modifier-contralateral", WEEK_8, "[fixed] CPT '19303-RT' without display (modifier appended to the code), no body site, primary left: contralateral prophylactic (was: unrecognised, no card)",
                        cards(CPM), not(MASTECTOMY, BEFORE)));
    }

    @BeforeAll
    static void start() {
        pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), JSON, (codes, client) -> UUID.randomUUID());
        cds = new CdsHooksService(pipeline, new FhirFetcher(Duration.ofSeconds(10), 20), 50, cards, (client, server) -> Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        if (fhir != null) fhir.close();
    }

    /** The fail-safe and order-recognition cases whose record is read from the EHR's FHIR server instead of the prefetch. */
    static Stream<Row> fetchedRows() {
        Set<String> files = Set.of("06-cpt-rt-delivery-breast-early", "22-text-only-mastectomy-early", "33-therapy-start-unknown",
                "34-no-distant-status-after-window", "35-undated-progressing-status", "43-cpt-mastectomy-body-site-text-right");
        return rows().stream().filter(r -> files.contains(r.file()));
    }

    /** Only the Patient prefetched, the rest on the FHIR server (searched by the service, pages of 5): the same cards. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fetchedRows")
    void theSameCardsWhenTheRecordIsFetched(Row row) throws Exception {
        if (fhir == null) fhir = new TestFhirServer(5);
        fhir.clear();
        ObjectNode body = (ObjectNode) JSON.readTree(DIR.resolve(row.file() + ".json").toFile());
        ObjectNode prefetch = (ObjectNode) body.path("prefetch");
        List<Resource> onServer = new ArrayList<>();
        for (Iterator<String> keys = prefetch.fieldNames(); keys.hasNext(); ) {
            JsonNode value = prefetch.get(keys.next());
            if (value.isNull()) continue;
            if ("Bundle".equals(value.path("resourceType").asText())) {
                Bundle b = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, value.toString());
                b.getEntry().forEach(e -> onServer.add(e.getResource()));
            } else {
                onServer.add((Resource) FhirContext.forR4Cached().newJsonParser().parseResource(value.toString()));
            }
        }
        fhir.put(onServer);
        prefetch.retain(List.of("patient"));
        body.put("fhirServer", fhir.baseUrl());
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(body, body.path("hook").asText()), null, Pipeline.Options.LENIENT,
                LocalDate.parse(row.asOf())));
        assertThat(fhir.requests).as("searched on the FHIR server").anyMatch(r -> r.contains("/fhir/Observation"));
        assertThat(new TreeSet<>(Hooks.allCodes(response.path("cards")))).as(row + "\n" + response.toPrettyString()).isEqualTo(row.cards());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void cardsAsTheCatalogueSays(Row row) throws IOException {
        JsonNode body = JSON.readTree(DIR.resolve(row.file() + ".json").toFile());
        String hook = body.path("hook").asText();
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(body, hook), null, Pipeline.Options.LENIENT, LocalDate.parse(row.asOf())));
        assertThat(Hooks.RESPONSE.check(response)).as(row + ": response shape").isEmpty();
        List<String> codes = Hooks.allCodes(response.path("cards"));
        assertThat(new TreeSet<>(codes)).as(row + "\n" + response.toPrettyString()).isEqualTo(row.cards());
        if (!row.not().isEmpty()) assertThat(codes).as(row.toString()).doesNotContainAnyElementsOf(row.not());
    }

    @Test
    void draftOrdersThatAreNotABundleAreRefused() throws IOException {
        JsonNode body = JSON.readTree(DIR.resolve("48-draft-orders-not-a-bundle.json").toFile());
        assertThatThrownBy(() -> HookCall.read(body, "order-sign")).isInstanceOf(CdsHookException.class)
                .hasMessageContaining("context.draftOrders must be a Bundle");
    }

    /** Every file of the folder is a row (or the refused request above): a case added without its expectation would test nothing. */
    @Test
    void everyFileHasARow() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            Set<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new));
            expected.add("48-draft-orders-not-a-bundle");
            assertThat(files).isEqualTo(expected);
        }
    }
}
