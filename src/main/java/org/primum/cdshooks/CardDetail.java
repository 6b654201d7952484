package org.primum.cdshooks;

import org.primum.engine.Citation;
import org.primum.engine.Recommendation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code detail} of a card, GitHub-flavoured markdown: per recommendation its title, statement,
 * evidence level and catalogue code, why it applies (with the resources behind each fact), its sources
 * and the rule that fired. Only our own texts go in, with raw HTML escaped.
 */
final class CardDetail {
    private CardDetail() {
    }

    static String markdown(List<Recommendation> recommendations) {
        StringBuilder md = new StringBuilder();
        Set<String> citedSources = new HashSet<>();
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation r = recommendations.get(i);
            if (i > 0) md.append("\n\n---\n\n");
            md.append("**").append(text(r.title())).append("**\n\n");
            md.append(text(r.statement())).append("\n\n");
            md.append("Evidence level: **").append(r.evidenceLevel()).append("** · catalogue code `").append(r.code())
                    .append("` (section ").append(r.section()).append(")\n");
            because(md, r);
            sources(md, r, citedSources);
            md.append("\n<sub>Rule \"").append(text(r.rule())).append("\", knowledge base ").append(r.knowledgeBaseVersion()).append("</sub>");
        }
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

    private static void sources(StringBuilder md, Recommendation r, Set<String> citedSources) {
        if (r.citations().isEmpty()) return;
        md.append("\nSources:\n");
        for (Citation c : r.citations()) {
            md.append("- ");
            if ("contrary".equals(c.side())) md.append("*Contrary evidence:* ");
            // the full reference the first time a source is cited in the card, its short id after that
            boolean first = c.sourceId() == null || citedSources.add(c.sourceId());
            String ref = text(first && c.reference() != null ? c.reference() : c.sourceId()).replace('[', '(').replace(']', ')');
            if (c.url() != null) md.append('[').append(ref).append("](").append(c.url()).append(')');
            else md.append(ref);
            if (first && c.doi() != null) md.append(" doi:").append(c.doi());
            if (c.section() != null) md.append(" — ").append(text(c.section()));
            if (c.figure() != null) md.append(": \"").append(text(c.figure())).append('"');
            if (c.note() != null) md.append(" (").append(text(c.note())).append(')');
            md.append('\n');
        }
    }

    /** Our own texts, made safe for markdown: no raw HTML. */
    private static String text(String s) {
        return s == null ? "" : s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
