package org.primum.cdshooks;

import org.primum.engine.Citation;
import org.primum.engine.Recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code detail} of a card, GitHub-flavoured markdown: per recommendation its title, statement,
 * evidence level and catalogue code, why it applies (with the resources behind each fact), the numbers of its
 * sources and the rule that fired; then the card's sources, numbered, each cited passage once and each
 * source's full reference once (a grouped card's recommendations mostly cite the same trials: written out under
 * each, the citations were most of the answer's bytes). Only our own texts go in, with raw HTML escaped.
 */
final class CardDetail {
    private CardDetail() {
    }

    static String markdown(List<Recommendation> recommendations) {
        StringBuilder md = new StringBuilder();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Citation> listed = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation r = recommendations.get(i);
            if (i > 0) md.append("\n\n---\n\n");
            md.append("**").append(text(r.title())).append("**\n\n");
            md.append(text(r.statement())).append("\n\n");
            md.append("Evidence level: **").append(r.evidenceLevel()).append("** · catalogue code `").append(r.code())
                    .append("` (section ").append(r.section()).append(")\n");
            because(md, r);
            sourceNumbers(md, r, numbers, listed);
            md.append("\n<sub>Rule \"").append(text(r.rule())).append("\", knowledge base ").append(r.knowledgeBaseVersion()).append("</sub>");
        }
        sources(md, listed);
        return md.toString();
    }

    private static void because(StringBuilder md, Recommendation r) {
        if (r.because().isEmpty()) return;
        md.append("\nWhy this applies:\n");
        for (Recommendation.Because b : r.because()) {
            md.append("- ").append(text(b.description()));
            if (!b.resourceIds().isEmpty()) {
                md.append(" (");
                md.append(String.join(", ", b.resourceIds().stream().map(id -> "`" + id.replace("`", "") + "`").toList()));
                md.append(")");
            }
            md.append('\n');
        }
    }

    /** {@code Sources: [1], [2]; contrary evidence: [3]}, numbering each passage the first time the card cites it. */
    private static void sourceNumbers(StringBuilder md, Recommendation r, Map<String, Integer> numbers, List<Citation> listed) {
        if (r.citations().isEmpty()) return;
        List<String> supporting = new ArrayList<>(), contrary = new ArrayList<>();
        for (Citation c : r.citations()) {
            String key = c.id() != null ? c.id() : c.sourceId() + "|" + c.section() + "|" + c.figure();
            int n = numbers.computeIfAbsent(key, k -> {
                listed.add(c);
                return listed.size();
            });
            ("contrary".equals(c.side()) ? contrary : supporting).add("[" + n + "]");
        }
        md.append("\nSources: ").append(supporting.isEmpty() ? "none supporting" : String.join(", ", supporting));
        if (!contrary.isEmpty()) md.append("; *contrary evidence:* ").append(String.join(", ", contrary));
        md.append('\n');
    }

    /** The card's sources, numbered: the full reference the first time a source is listed, its short id after that. */
    private static void sources(StringBuilder md, List<Citation> listed) {
        if (listed.isEmpty()) return;
        md.append("\n\n---\n\nSources:\n");
        Set<String> citedSources = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            Citation c = listed.get(i);
            boolean first = c.sourceId() == null || citedSources.add(c.sourceId());
            md.append(i + 1).append(". ").append((first ? FULL : SHORT).computeIfAbsent(c, x -> sourceLine(x, first))).append('\n');
        }
    }

    /**
     * A citation's line, rendered once per citation (and per form) and kept: the citations are the knowledge base's
     * own objects, the same in every answer, and rendering them was most of the cards' time. Bounded by the
     * knowledge base's citations.
     */
    private static final Map<Citation, String> FULL = new ConcurrentHashMap<>(), SHORT = new ConcurrentHashMap<>();

    private static String sourceLine(Citation c, boolean first) {
        StringBuilder md = new StringBuilder();
        String ref = text(first && c.reference() != null ? c.reference() : c.sourceId()).replace('[', '(').replace(']', ')');
        if (c.url() != null) md.append('[').append(ref).append("](").append(c.url()).append(')');
        else md.append(ref);
        if (first && c.doi() != null) md.append(" doi:").append(c.doi());
        if (first && c.pmid() != null) md.append(" PMID ").append(c.pmid());
        if (c.section() != null) md.append(" — ").append(text(c.section()));
        // the figure is our summary of the passage, not a verbatim quote: no quotation marks
        if (c.figure() != null) md.append(": ").append(text(c.figure()));
        if (c.note() != null) md.append(" (").append(text(c.note())).append(')');
        return md.toString();
    }

    /** Our own texts, made safe for markdown: no raw HTML. */
    private static String text(String s) {
        return s == null ? "" : s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
