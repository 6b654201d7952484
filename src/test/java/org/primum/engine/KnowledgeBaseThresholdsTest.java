package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.facts.CaseFacts;
import org.primum.facts.Thresholds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The thresholds are defined once, in rules/thresholds.properties; the knowledge base applies the
 * overrides, quotes the numbers in effect in its rule texts, and names them in its version.
 */
class KnowledgeBaseThresholdsTest {

    private static final Path RULES = Path.of("rules");
    private static final KnowledgeBase KB = KnowledgeBase.load(RULES);
    private static final Map<String, Integer> WIDER = Map.of(
            "responseWindowMinWeeks", 20, "responseWindowMaxWeeks", 36, "deNovoWindowDays", 120);

    private static String title(KnowledgeBase kb, String code) { return kb.definition(code).orElseThrow().title(); }

    private static String statement(KnowledgeBase kb, String code) { return kb.definition(code).orElseThrow().statement(); }

    @Test
    void theRulesFolderDefinesTheThresholdsAndTheTextsQuoteThem() {
        Thresholds defaults = ThresholdsFile.read(RULES);
        assertThat(KB.defaultThresholds()).isEqualTo(defaults);
        assertThat(KB.thresholds()).isEqualTo(defaults);
        // the catalogue's values: the texts read as they did when they were written by hand
        assertThat(title(KB, "DEFER_LRT_UNTIL_RESPONSE")).isEqualTo("Do not operate up front: reassess after 16–32 weeks of systemic therapy");
        assertThat(statement(KB, "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT")).endsWith("This is premature: reassess after 16–32 weeks of systemic therapy.");
        assertThat(KB.definitions()).allSatisfy(d -> assertThat(d.title() + d.statement()).doesNotContain("{", "}"));
    }

    @Test
    void overriddenThresholdsReachTheTextsAndTheVersion() {
        KnowledgeBase wider = KnowledgeBase.load(RULES, WIDER);
        assertThat(wider.thresholds()).isEqualTo(KB.thresholds().with(WIDER));
        assertThat(wider.defaultThresholds()).isEqualTo(KB.defaultThresholds());
        assertThat(title(wider, "DEFER_LRT_UNTIL_RESPONSE")).isEqualTo("Do not operate up front: reassess after 20–36 weeks of systemic therapy");
        assertThat(statement(wider, "DEFER_LRT_UNTIL_RESPONSE")).contains("reassess the response after 20–36 weeks of systemic therapy.");
        assertThat(statement(wider, "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT")).endsWith("reassess after 20–36 weeks of systemic therapy.");
        assertThat(wider.definitions()).allSatisfy(d -> assertThat(d.title() + d.statement()).doesNotContain("16–32"));
        // an answer names the numbers that produced it
        assertThat(wider.version()).isNotEqualTo(KB.version());
        assertThat(wider.version()).startsWith(KB.version().substring(0, KB.version().indexOf('+') + 1));
    }

    @Test
    void anOverrideThatChangesNoNumberIsNoNewVersion() {
        KnowledgeBase same = KnowledgeBase.load(RULES, Map.of("deNovoWindowDays", KB.thresholds().deNovoWindowDays()));
        assertThat(same.version()).isEqualTo(KB.version());
    }

    @Test
    void aNumberChangedInTheRulesFolderIsANewKnowledgeBaseVersion(@TempDir Path dir) throws IOException {
        copyRules(dir);
        edit(dir.resolve(ThresholdsFile.NAME), "responseWindowMaxWeeks=32", "responseWindowMaxWeeks=30");
        KnowledgeBase changed = KnowledgeBase.load(dir);
        assertThat(changed.defaultThresholds().responseWindowMaxWeeks()).isEqualTo(30);
        assertThat(title(changed, "DEFER_LRT_UNTIL_RESPONSE")).contains("after 16–30 weeks");
        assertThat(changed.version()).isNotEqualTo(KB.version());
    }

    @Test
    void anUnknownPlaceholderStopsStartUp(@TempDir Path dir) throws IOException {
        copyRules(dir);
        edit(dir.resolve("pathway.drl"), "@title(\"Do not operate up front: reassess after {responseWindowMinWeeks}",
                "@title(\"Do not operate up front: reassess after {responseWindowStart}");
        assertThatThrownBy(() -> KnowledgeBase.load(dir))
                .isInstanceOfSatisfying(KnowledgeBase.InvalidKnowledgeBaseException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("Defer locoregional therapy until response: @title: unknown threshold {responseWindowStart}")));
    }

    @Test
    void aThresholdsFileThatDoesNotDefineEveryNumberStopsStartUp(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Path file = dir.resolve(ThresholdsFile.NAME);
        String text = Files.readString(file);
        edit(file, "poorEcogMin=3\n", "");
        assertThatThrownBy(() -> KnowledgeBase.load(dir)).isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class)
                .hasMessageContaining("no value for poorEcogMin");
        Files.writeString(file, text.replace("poorEcogMin=3", "poorEcogMin=three"));
        assertThatThrownBy(() -> KnowledgeBase.load(dir)).isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class)
                .hasMessageContaining("poorEcogMin is not a whole number: three");
        Files.writeString(file, text + "\nresponseWindowMinimum=16\n");
        assertThatThrownBy(() -> KnowledgeBase.load(dir)).isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class)
                .hasMessageContaining("unknown threshold responseWindowMinimum");
        Files.delete(file);
        assertThatThrownBy(() -> KnowledgeBase.load(dir)).isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class)
                .hasMessageContaining("no " + ThresholdsFile.NAME);
    }

    @Test
    void anUnknownOrInconsistentOverrideStopsStartUp() {
        assertThatThrownBy(() -> KnowledgeBase.load(RULES, Map.of("deNovoWindow", 120)))
                .isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class).hasMessageContaining("unknown threshold deNovoWindow");
        assertThatThrownBy(() -> KnowledgeBase.load(RULES, Map.of("responseWindowMinWeeks", 40)))
                .isInstanceOf(KnowledgeBase.InvalidKnowledgeBaseException.class).hasMessageContaining("is after responseWindowMaxWeeks");
    }

    @Test
    void theEvaluatorRefusesFactsInterpretedWithOtherThresholdsThanItsTextsQuote() {
        CaseFacts facts = new CaseFacts(LocalDate.of(2025, 6, 1), List.of(KB.thresholds().with(WIDER)), List.of(), List.of());
        assertThatThrownBy(() -> new Evaluator(KB).evaluate(facts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KnowledgeBase#thresholds()");
        CaseFacts same = new CaseFacts(LocalDate.of(2025, 6, 1), List.of(KB.thresholds()), List.of(), List.of());
        assertThat(new Evaluator(KB).evaluate(same).recommendations()).isEmpty();
    }

    private static void copyRules(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " contains " + from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
