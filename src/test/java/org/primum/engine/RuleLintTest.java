package org.primum.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lint of rules/*.drl with the DRL parser (no compilation): the conventions the engine and the
 * reviewers rely on.
 */
class RuleLintTest {

    private static final List<DrlRules.Rule> RULES = DrlRules.parse(Path.of("rules"));
    private static final Map<String, String> SECTION_OF_FILE = Map.of(
            "applicability.drl", "A", "pathway.drl", "B", "exceptions.drl", "C", "technique.drl", "D", "orders.drl", "E");

    @Test
    void everyTopicFileIsThereWithItsOwnPackage() {
        Set<String> files = new TreeSet<>();
        RULES.forEach(r -> files.add(r.file()));
        assertThat(files).containsExactlyInAnyOrderElementsOf(SECTION_OF_FILE.keySet());
        for (DrlRules.Rule r : RULES) {
            assertThat(r.packageName()).as(r.name()).isEqualTo("rules." + r.file().replace(".drl", ""));
        }
    }

    @Test
    void everyRuleCarriesItsMetadata() {
        Set<String> codes = new HashSet<>();
        for (DrlRules.Rule r : RULES) {
            for (String key : RuleDefinition.REQUIRED) {
                assertThat(r.annotation(key)).as(r.name() + " @" + key).isNotBlank();
            }
            assertThat(codes.add(r.annotation("code"))).as(r.name() + ": one rule per code").isTrue();
            assertThat(r.annotation("code")).matches("[A-Z][A-Z0-9_]+");
            assertThat(r.annotation("section")).as(r.name() + " section matches its file").isEqualTo(SECTION_OF_FILE.get(r.file()));
            assertThat(r.annotation("indicator")).isIn("info", "warning", "critical");
            assertThat(r.annotation("evidence")).isIn(RuleDefinition.EVIDENCE_LEVELS);
            if ("CONFLICTING".equals(r.annotation("evidence"))) assertThat(r.annotation("contrary")).as(r.name() + " @contrary").isNotBlank();
            if (r.annotation("lrtPath") != null) assertThat(r.annotation("lrtPath")).isIn("surgical", "radiotherapy");
            assertThat(r.annotation("title").length()).as(r.name() + " title fits a CDS card summary").isLessThan(140);
            assertThat(r.annotation("statement").length()).as(r.name() + " statement is concise").isLessThan(500);
            assertThat(r.annotation("citations")).as(r.name() + " cites its sources").isNotBlank();
        }
    }

    @Test
    void theConsequenceIsAlwaysEmit() {
        for (DrlRules.Rule r : RULES) {
            assertThat(r.consequence()).as(r.name()).isEqualTo("emit(kcontext);");
        }
    }

    /**
     * Thresholds are configuration: a rule compares against the Thresholds fact, never a number (0 and 1
     * are structure, e.g. "a single organ site", not thresholds).
     */
    @Test
    void noNumericLiteralInAnyCondition() {
        Pattern lhs = Pattern.compile("^\\s*when\\s*$(.*)^\\s*then\\s*$", Pattern.DOTALL | Pattern.MULTILINE);
        for (DrlRules.Rule r : RULES) {
            Matcher m = lhs.matcher(r.text());
            assertThat(m.find()).as(r.name() + " has when/then").isTrue();
            String code = m.group(1)
                    .replaceAll("//[^\\n]*", "")
                    .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            assertThat(Pattern.compile("(?<![\\w$.])(?![01](?!\\d))\\d+").matcher(code).find())
                    .as(r.name() + " uses a numeric literal in its conditions:\n" + code).isFalse();
        }
    }

    @Test
    void conditionsAreCommentedWithTheirReason() {
        long commented = RULES.stream().filter(r -> r.text().contains("//")).count();
        assertThat(commented).as("rules whose conditions carry a why-comment").isGreaterThanOrEqualTo(RULES.size() / 2);
    }
}
