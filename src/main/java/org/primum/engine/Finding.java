package org.primum.engine;

import org.primum.facts.Fact;

import java.util.List;

/**
 * A rule's conclusion, inserted into working memory so that other rules can build on it (section D
 * accompanies every LRT path). {@code lrtPath} is the rule's {@code @lrtPath} metadata: "surgical",
 * "radiotherapy" or empty.
 */
public record Finding(String code, String rule, String lrtPath, List<Object> because) {
    public boolean isLrtPath() { return !lrtPath.isEmpty(); }

    public boolean isSurgicalPath() { return "surgical".equals(lrtPath); }

    /** The facts behind this finding, as clinical facts (nested findings are kept as they are). */
    public List<Fact> facts() {
        return because.stream().filter(Fact.class::isInstance).map(Fact.class::cast).toList();
    }
}
