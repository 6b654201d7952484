package org.primum.engine;

import org.primum.facts.Thresholds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A rule of the knowledge base as its metadata describes it: the catalogue code it emits and the
 * recommendation's texts (with the thresholds' numbers filled in), evidence and citations.
 */
public record RuleDefinition(String rule, String file, String code, String section, String title, String statement,
                             Indicator indicator, String evidenceLevel, String lrtPath,
                             List<String> citationIds, List<String> contraryIds, List<Citation> citations) {

    public static final List<String> EVIDENCE_LEVELS = List.of("RCT", "PROSPECTIVE_REGISTRY", "RETROSPECTIVE", "REVIEW", "CONFLICTING");
    public static final List<String> REQUIRED = List.of("code", "section", "title", "statement", "indicator", "evidence");

    /** Metadata written {@code @key("value")} comes back with its quotes: strip them. */
    static String meta(Map<String, Object> metadata, String key) {
        Object v = metadata.get(key);
        if (v == null) return null;
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static String filled(String rule, String key, Map<String, Object> metadata, Thresholds thresholds, List<String> problems) {
        String text = meta(metadata, key);
        try {
            return thresholds.fill(text);
        } catch (IllegalArgumentException e) {
            problems.add(rule + ": @" + key + ": " + e.getMessage());
            return text;
        }
    }

    static List<String> ids(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Reads and checks a rule's metadata; every problem is reported, so a bad knowledge base fails start-up.
     * The title and statement quote numbers as {@code {threshold}}: they are filled in from {@code thresholds}.
     */
    static RuleDefinition from(String rule, String file, Map<String, Object> metadata, CitationRegistry registry,
                               Thresholds thresholds, List<String> problems) {
        for (String key : REQUIRED) {
            if (meta(metadata, key) == null || meta(metadata, key).isBlank()) problems.add(rule + ": missing @" + key);
        }
        String evidence = meta(metadata, "evidence");
        if (evidence != null && !EVIDENCE_LEVELS.contains(evidence)) problems.add(rule + ": unknown evidence level " + evidence);
        Indicator indicator = null;
        try {
            indicator = Indicator.valueOf(String.valueOf(meta(metadata, "indicator")).toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(rule + ": indicator must be info, warning or critical");
        }
        List<String> supporting = ids(meta(metadata, "citations"));
        List<String> contrary = ids(meta(metadata, "contrary"));
        if ("CONFLICTING".equals(evidence) && contrary.isEmpty()) problems.add(rule + ": CONFLICTING evidence must cite the contrary side (@contrary)");
        List<Citation> citations = new ArrayList<>();
        supporting.forEach(id -> registry.resolve(id, "supporting").ifPresentOrElse(citations::add,
                () -> problems.add(rule + ": citation " + id + " is not in citations.json")));
        contrary.forEach(id -> registry.resolve(id, "contrary").ifPresentOrElse(citations::add,
                () -> problems.add(rule + ": citation " + id + " is not in citations.json")));
        String lrtPath = meta(metadata, "lrtPath");
        return new RuleDefinition(rule, file, meta(metadata, "code"), meta(metadata, "section"),
                filled(rule, "title", metadata, thresholds, problems), filled(rule, "statement", metadata, thresholds, problems),
                indicator, evidence, lrtPath == null ? "" : lrtPath, supporting, contrary, List.copyOf(citations));
    }
}
