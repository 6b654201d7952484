package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.cdshooks.model.Card;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.engine.KnowledgeBase;
import org.primum.engine.Recommendation;
import org.primum.engine.RuleDefinition;
import org.primum.facts.CaseFacts;
import org.primum.facts.Presentation;
import org.primum.facts.Scope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, class 11 (what the clinician sees), at the card level on evaluations made up from the knowledge
 * base's own definitions: the grouped card leads with the decision, never the alphabetically first code; a
 * deceased patient gets no card; the codes no card shows are exactly those of {@code ValueSet-cds-no-card.json}; both
 * lists are data, changed without Java. (The
 * order-hook side, a contralateral prophylactic mastectomy getting only its own card, is in CdsHooksOrderTest.)
 */
class CardFactoryTest {
    private static KnowledgeBase kb;
    private static CardFactory factory;
    private static CdsProfiles profiles;
    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

    @BeforeAll
    static void load() {
        kb = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build().knowledgeBase();
        profiles = CdsProfiles.load(Path.of("fhir-profiles"));
        factory = new CardFactory(profiles, new ObjectMapper(), (codes, client) -> UUID.randomUUID());
    }

    /** The recommendations of these codes as the engine gives them (its order: indicator, section, code), for a de novo patient. */
    private static Evaluation evaluation(String... codes) {
        List<Recommendation> recs = new ArrayList<>();
        for (String code : codes) {
            RuleDefinition d = kb.definition(code).orElseThrow(() -> new AssertionError("not in the knowledge base: " + code));
            recs.add(new Recommendation(code, d.title(), d.statement(), d.indicator(), d.evidenceLevel(), d.section(), d.citations(),
                    List.of(), d.rule(), kb.version()));
        }
        recs.sort(Comparator.comparing(Recommendation::indicator).thenComparing(Recommendation::section).thenComparing(Recommendation::code));
        Presentation deNovo = new Presentation(Scope.DE_NOVO, "de novo", AS_OF.minusDays(200), AS_OF.minusDays(190), 10L, true, null,
                false, List.of("Condition/bc"));
        return new Evaluation(kb.version(), new CaseFacts(AS_OF, List.of(deNovo), List.of(), List.of()), recs, List.of());
    }

    private static List<Card> patientView(Evaluation evaluation) {
        return patientView(factory, evaluation);
    }

    private static List<Card> patientView(CardFactory factory, Evaluation evaluation) {
        TestPatient p = TestPatient.of("card-test");
        return factory.cards(evaluation, HookCall.read(p.request("patient-view", p.prefetchAll(), List.of()), "patient-view"), null);
    }

    private static Card cardWith(List<Card> cards, String code) {
        return cards.stream().filter(c -> c.detail().contains("`" + code + "`")).findFirst().orElseThrow();
    }

    @Test
    void theGroupedCardLeadsWithTheLocalControlDecisionNotTheAlphabeticallyFirstCode() {
        List<Card> cards = patientView(evaluation("DISCLOSE_NO_SURVIVAL_BENEFIT", "LRT_NOT_FOR_SURVIVAL", "LRT_OPTION_FOR_LOCAL_CONTROL",
                "MULTIDISCIPLINARY_DISCUSSION", "OFFER_CLINICAL_TRIAL", "SYSTEMIC_THERAPY_FIRST"));
        assertThat(cards).hasSize(1);
        Card core = cards.get(0);
        String decision = kb.definition("LRT_OPTION_FOR_LOCAL_CONTROL").orElseThrow().title();
        assertThat(core.summary()).startsWith("Locoregional therapy of the primary: " + decision.substring(0, Math.min(40, decision.length())))
                .endsWith("(+5 more)");
        assertThat(core.source().topic().code()).isEqualTo("LRT_OPTION_FOR_LOCAL_CONTROL");
        // the supporting codes after the decision, systemic therapy and the tumour board first, the disclosure after them
        assertThat(Hooks.codes(Hooks.read(new ObjectMapper().valueToTree(core).toString()))).containsExactly("LRT_OPTION_FOR_LOCAL_CONTROL",
                "SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL", "DISCLOSE_NO_SURVIVAL_BENEFIT", "OFFER_CLINICAL_TRIAL");
    }

    @Test
    void withoutAPathInTheGroupSystemicTherapyFirstLeadsAndWarningsStayCardsOfTheirOwn() {
        List<Card> cards = patientView(evaluation("DEFER_LRT_UNTIL_RESPONSE", "LRT_NOT_FOR_SURVIVAL", "MULTIDISCIPLINARY_DISCUSSION",
                "SYSTEMIC_THERAPY_FIRST"));
        Card core = cardWith(cards, "SYSTEMIC_THERAPY_FIRST");
        assertThat(core.source().topic().code()).isEqualTo("SYSTEMIC_THERAPY_FIRST");
        assertThat(core.summary()).contains(kb.definition("SYSTEMIC_THERAPY_FIRST").orElseThrow().title().substring(0, 20));
        assertThat(cardWith(cards, "DEFER_LRT_UNTIL_RESPONSE").indicator()).isEqualTo("warning");
    }

    @Test
    void theHowToCardLeadsWithTheMostSpecificAdvice() {
        Card how = cardWith(patientView(evaluation("LRT_OPTION_FOR_LOCAL_CONTROL", "AIM_FOR_CLEAR_MARGINS", "AXILLA_BY_NODAL_STATUS",
                "BREAST_CONSERVATION_PREFERRED", "RADIOTHERAPY_EVIDENCE_CONFLICTING", "SURGERY_AFTER_SYSTEMIC_THERAPY")), "AIM_FOR_CLEAR_MARGINS");
        assertThat(how.summary()).startsWith("If locoregional therapy is done: ");
        assertThat(how.source().topic().code()).isEqualTo("SURGERY_AFTER_SYSTEMIC_THERAPY");
    }

    @Test
    void everySectionBAndDCodeIsRankedDeliberately() {
        for (RuleDefinition d : kb.definitions()) {
            if ("B".equals(d.section()) || "D".equals(d.section())) {
                assertThat(new GroupLead(profiles.groupLeadOrder()).rank(d.code())).as(d.code() + " ranked in " + CdsProfiles.GROUP_LEAD_ORDER_FILE).isLessThan(Integer.MAX_VALUE);
            }
        }
    }

    @Test
    void aDeceasedPatientGetsNoCardAtAll() {
        // NOT_APPLICABLE_DECEASED may not be in this knowledge base yet: its recommendation is made up here
        Evaluation alive = evaluation("DEFER_LRT_UNTIL_RESPONSE", "LRT_NOT_FOR_SURVIVAL", "MULTIDISCIPLINARY_DISCUSSION", "SYSTEMIC_THERAPY_FIRST");
        assertThat(patientView(alive)).isNotEmpty();
        List<Recommendation> recs = new ArrayList<>(alive.recommendations());
        recs.add(0, new Recommendation("NOT_APPLICABLE_DECEASED", "The patient has died", "No treatment guidance for a deceased patient.",
                org.primum.engine.Indicator.INFO, "REVIEW", "A", List.of(), List.of(), "deceased", kb.version()));
        Evaluation deceased = new Evaluation(alive.knowledgeBaseVersion(), alive.facts(), recs, List.of());
        assertThat(patientView(deceased)).isEmpty();
    }

    @Test
    void theCodesNoCardShowsAreTheExplicitListAndCoverEveryNotApplicableCodeOfTheKnowledgeBase() {
        List<String> noCard = profiles.noCard().codes();
        for (RuleDefinition d : kb.definitions()) {
            if (d.code().startsWith("NOT_APPLICABLE_")) assertThat(noCard).as(d.code()).contains(d.code());
            else assertThat(noCard).as(d.code()).doesNotContain(d.code());
        }
        assertThat(noCard).contains("NOT_APPLICABLE_DECEASED").allMatch(c -> c.startsWith("NOT_APPLICABLE_"));
    }

    /** The data gaps the order hooks show beside an LRT order are data gaps of this knowledge base, and include those the timing checks fail safe on. */
    @Test
    void theOrderDataGapsAreDataMissingCodesOfTheKnowledgeBase() {
        List<String> gaps = profiles.orderDataGaps().codes();
        List<String> ruleCodes = kb.definitions().stream().map(RuleDefinition::code).toList();
        assertThat(gaps).allMatch(c -> c.startsWith("DATA_MISSING_")).allMatch(ruleCodes::contains)
                .contains("DATA_MISSING_THERAPY_START", "DATA_MISSING_RESPONSE_ASSESSMENT");
    }

    @Test
    void bothListsAreDataChangedWithoutJava(@TempDir Path dir) throws IOException {
        copyProfiles(dir);
        // the grouped card led by another code, and a deceased patient's cards shown, by editing the two files only
        Path order = dir.resolve(CdsProfiles.GROUP_LEAD_ORDER_FILE);
        Files.writeString(order, Files.readString(order).replace("\"LRT_OPTION_FOR_LOCAL_CONTROL\"", "\"SWAP\"")
                .replace("\"OFFER_CLINICAL_TRIAL\"", "\"LRT_OPTION_FOR_LOCAL_CONTROL\"").replace("\"SWAP\"", "\"OFFER_CLINICAL_TRIAL\""));
        Path noCard = dir.resolve(CdsProfiles.NO_CARD_FILE);
        Files.writeString(noCard, Files.readString(noCard).replace("\"NOT_APPLICABLE_DECEASED\"", "\"NOT_APPLICABLE_OTHER\""));
        CardFactory edited = new CardFactory(CdsProfiles.load(dir), new ObjectMapper(), (codes, client) -> UUID.randomUUID());

        Evaluation localControl = evaluation("DISCLOSE_NO_SURVIVAL_BENEFIT", "LRT_NOT_FOR_SURVIVAL", "LRT_OPTION_FOR_LOCAL_CONTROL",
                "MULTIDISCIPLINARY_DISCUSSION", "OFFER_CLINICAL_TRIAL", "SYSTEMIC_THERAPY_FIRST");
        assertThat(patientView(localControl).get(0).source().topic().code()).isEqualTo("LRT_OPTION_FOR_LOCAL_CONTROL");
        assertThat(patientView(edited, localControl).get(0).source().topic().code()).isEqualTo("OFFER_CLINICAL_TRIAL");

        Evaluation alive = evaluation("DEFER_LRT_UNTIL_RESPONSE", "LRT_NOT_FOR_SURVIVAL", "MULTIDISCIPLINARY_DISCUSSION", "SYSTEMIC_THERAPY_FIRST");
        List<Recommendation> recs = new ArrayList<>(alive.recommendations());
        recs.add(0, new Recommendation("NOT_APPLICABLE_DECEASED", "The patient has died", "No treatment guidance for a deceased patient.",
                org.primum.engine.Indicator.INFO, "REVIEW", "A", List.of(), List.of(), "deceased", kb.version()));
        Evaluation deceased = new Evaluation(alive.knowledgeBaseVersion(), alive.facts(), recs, List.of());
        assertThat(patientView(deceased)).isEmpty();
        assertThat(patientView(edited, deceased)).isNotEmpty();
    }

    @Test
    void aBrokenListStopsStartUp(@TempDir Path dir) throws IOException {
        copyProfiles(dir);
        Path noCard = dir.resolve(CdsProfiles.NO_CARD_FILE);
        Files.writeString(noCard, Files.readString(noCard).replace("urn:primum:guidance-catalogue", "http://snomed.info/sct"));
        assertThatThrownBy(() -> CdsProfiles.load(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CdsProfiles.NO_CARD_FILE).hasMessageContaining("system");
        Files.delete(noCard);
        assertThatThrownBy(() -> CdsProfiles.load(dir)).hasMessageContaining(CdsProfiles.NO_CARD_FILE).hasMessageContaining("not found");
        copyProfiles(dir);
        Path order = dir.resolve(CdsProfiles.GROUP_LEAD_ORDER_FILE);
        Files.writeString(order, Files.readString(order).replace("\"SYSTEMIC_THERAPY_FIRST\"", "\"NO_LRT_DISTANT_PROGRESSION\""));
        assertThatThrownBy(() -> CdsProfiles.load(dir)).hasMessageContaining(CdsProfiles.GROUP_LEAD_ORDER_FILE).hasMessageContaining("twice");
    }

    private static void copyProfiles(Path dir) throws IOException {
        try (var files = Files.list(Path.of("fhir-profiles"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
