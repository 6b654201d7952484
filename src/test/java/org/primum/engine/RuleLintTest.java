package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.primum.facts.Thresholds;

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
    private static final Thresholds DEFAULTS = ThresholdsFile.read(Path.of("rules"));
    private static final Map<String, String> SECTION_OF_FILE = Map.of(
            "applicability.drl", "A", "pathway.drl", "B", "exceptions.drl", "C", "technique.drl", "D", "orders.drl", "E",
            "audit.drl", "F");

    /** Section F: the audit criteria, one rule per verdict (a @verdict instead of a recommendation's texts). */
    private static boolean isAudit(DrlRules.Rule r) {
        return r.annotation("verdict") != null;
    }

    /** The texts a rule shows: a recommendation's title and statement, an audit verdict's title and reason. */
    private static List<String> textKeys(DrlRules.Rule r) {
        return isAudit(r) ? List.of("title", "reason") : List.of("title", "statement");
    }

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
    void everyAuditRuleCarriesItsMetadata() {
        Set<String> verdicts = new HashSet<>();
        for (DrlRules.Rule r : RULES.stream().filter(RuleLintTest::isAudit).toList()) {
            for (String key : AuditRule.REQUIRED) {
                assertThat(r.annotation(key)).as(r.name() + " @" + key).isNotBlank();
            }
            assertThat(r.file()).as(r.name() + ": verdict rules live in audit.drl").isEqualTo("audit.drl");
            assertThat(r.annotation("code")).matches("AUDIT_[A-Z0-9_]+");
            assertThat(r.annotation("verdict")).isIn(AuditRule.VERDICTS);
            assertThat(verdicts.add(r.annotation("code") + "|" + r.annotation("verdict") + "|" + r.annotation("reason")))
                    .as(r.name() + ": one rule per criterion, verdict and reason").isTrue();
            assertThat(r.annotation("section")).isEqualTo("F");
            assertThat(r.annotation("evidence")).isIn(RuleDefinition.EVIDENCE_LEVELS);
            assertThat(DEFAULTS.fill(r.annotation("title")).length()).as(r.name() + " title is short").isLessThan(140);
            assertThat(DEFAULTS.fill(r.annotation("reason")).length()).as(r.name() + " reason is concise").isLessThan(300);
            assertThat(r.annotation("statement")).as(r.name() + ": a verdict has a reason, not a statement").isNull();
        }
        assertThat(verdicts).as("audit rules").isNotEmpty();
    }

    @Test
    void everyRuleCarriesItsMetadata() {
        Set<String> codes = new HashSet<>();
        for (DrlRules.Rule r : RULES.stream().filter(r -> !isAudit(r)).toList()) {
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
            assertThat(DEFAULTS.fill(r.annotation("title")).length()).as(r.name() + " title fits a CDS card summary").isLessThan(140);
            assertThat(DEFAULTS.fill(r.annotation("statement")).length()).as(r.name() + " statement is concise").isLessThan(500);
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

    /**
     * A text quotes a threshold by name ({@code {responseWindowMinWeeks}}), never by value: a value written
     * by hand goes wrong when the threshold changes. Caught where a number that equals a threshold stands
     * next to its unit (16 weeks, 16–32 weeks, 90 days, 3 lesions) or after ECOG / Karnofsky; other numbers
     * (16% lymphoedema, HR 0.34, 20 women) are evidence, not thresholds.
     */
    @Test
    void textsQuoteThresholdsByName() {
        for (DrlRules.Rule r : RULES) {
            for (String key : textKeys(r)) {
                assertThat(thresholdValuesWrittenOut(r.annotation(key)))
                        .as(r.name() + " @" + key + " writes a threshold's value: quote it as {name} (" + DEFAULTS.asMap() + ")")
                        .isEmpty();
            }
        }
    }

    @Test
    void theThresholdLintCatchesAValueWrittenOut() {
        assertThat(thresholdValuesWrittenOut("reassess after 16–32 weeks of systemic therapy")).containsExactly("16", "32");
        assertThat(thresholdValuesWrittenOut("found within 90 days of the diagnosis")).containsExactly("90");
        assertThat(thresholdValuesWrittenOut("at most 3 lesions; ECOG ≥ 3 or Karnofsky ≤ 40")).containsExactly("3", "3", "40");
        assertThat(thresholdValuesWrittenOut("after {responseWindowMinWeeks}–{responseWindowMaxWeeks} weeks")).isEmpty();
        assertThat(thresholdValuesWrittenOut("lymphoedema in about 16% (20 women, HR 0.34)")).isEmpty();
    }

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "(?<!\\w)(\\d+)(?:\\s*[–-]\\s*(\\d+))?\\s*(?:weeks?|wk|days?|d\\b|months?|lesions?)"
                    + "|(?i:ECOG|Karnofsky)\\D{0,12}?(\\d+)");

    private static List<String> thresholdValuesWrittenOut(String text) {
        Set<String> values = new HashSet<>();
        DEFAULTS.asMap().values().forEach(v -> values.add(String.valueOf(v)));
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null && values.contains(m.group(g))) found.add(m.group(g));
            }
        }
        return found;
    }

    /**
     * Every rule says why it exists, in a comment right above it: the catalogue entry or the source's
     * reasoning behind its conditions (a source number 000–004, the catalogue, or evidence.md), not a
     * paraphrase of the code. The conditions may carry more comments where a single condition needs one.
     */
    @Test
    void everyRuleHasAWhyCommentRightAboveIt() {
        Pattern citesASource = Pattern.compile("\\b00[0-4]\\b|catalogue|evidence\\.md");
        for (DrlRules.Rule r : RULES) {
            assertThat(r.comment()).as(r.name() + ": a // comment right above the rule says why it exists").isNotBlank();
            assertThat(r.comment().length()).as(r.name() + ": the why-comment is a reason, not a label").isGreaterThan(60);
            assertThat(citesASource.matcher(r.comment()).find()).as(r.name() + " why-comment cites its source:\n" + r.comment()).isTrue();
        }
    }

    @Test
    void theCommentAboveARuleIsTheRunOfCommentLinesTouchingIt() {
        String drl = "// file header\n\n// first line\n// second line\nrule \"A\"\nwhen\nthen\nend\n\nrule \"B\"\n";
        assertThat(DrlRules.commentAbove(drl, drl.indexOf("rule \"A\""))).isEqualTo("first line\nsecond line");
        assertThat(DrlRules.commentAbove(drl, drl.indexOf("rule \"B\""))).isEmpty();
    }
}
