package org.primum.engine;

import org.primum.facts.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule of catalogue section F as its metadata describes it: the criterion it judges ({@code @code},
 * an {@code AUDIT_} code), the verdict it gives ({@code @verdict}) and why ({@code @reason}, thresholds
 * quoted by name and filled in). A criterion has one rule per case of a verdict, so a code here is not
 * unique; the triple (code, verdict, reason) is.
 */
public record AuditRule(String rule, String file, String code, String verdict, String title, String reason,
                        String evidenceLevel, List<Citation> citations) {

    public static final String CODE_PREFIX = "AUDIT_";
    public static final List<String> VERDICTS = List.of("CONCORDANT", "DISCORDANT", "NOT_EVALUABLE");
    public static final List<String> REQUIRED = List.of("code", "section", "verdict", "title", "reason", "evidence", "citations");

    /** A rule is an audit rule when it gives a verdict; recommendation rules never do. */
    static boolean isAuditRule(Map<String, Object> metadata) {
        return metadata.containsKey("verdict");
    }

    static AuditRule from(String rule, String file, Map<String, Object> metadata, CitationRegistry registry,
                          Thresholds thresholds, List<String> problems) {
        for (String key : REQUIRED) {
            String v = RuleDefinition.meta(metadata, key);
            if (v == null || v.isBlank()) problems.add(rule + ": missing @" + key);
        }
        String code = RuleDefinition.meta(metadata, "code");
        if (code != null && !code.startsWith(CODE_PREFIX)) problems.add(rule + ": an audit code starts with " + CODE_PREFIX);
        String verdict = RuleDefinition.meta(metadata, "verdict");
        if (verdict != null && !VERDICTS.contains(verdict)) problems.add(rule + ": @verdict must be one of " + VERDICTS);
        String evidence = RuleDefinition.meta(metadata, "evidence");
        if (evidence != null && !RuleDefinition.EVIDENCE_LEVELS.contains(evidence)) problems.add(rule + ": unknown evidence level " + evidence);
        List<Citation> citations = new ArrayList<>();
        RuleDefinition.ids(RuleDefinition.meta(metadata, "citations")).forEach(id -> registry.resolve(id, "supporting")
                .ifPresentOrElse(citations::add, () -> problems.add(rule + ": citation " + id + " is not in citations.json")));
        return new AuditRule(rule, file, code, verdict, filled(rule, "title", metadata, thresholds, problems),
                filled(rule, "reason", metadata, thresholds, problems), evidence, List.copyOf(citations));
    }

    private static String filled(String rule, String key, Map<String, Object> metadata, Thresholds thresholds, List<String> problems) {
        String text = RuleDefinition.meta(metadata, key);
        try {
            return thresholds.fill(text);
        } catch (IllegalArgumentException e) {
            problems.add(rule + ": @" + key + ": " + e.getMessage());
            return text;
        }
    }
}
