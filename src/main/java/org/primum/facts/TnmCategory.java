package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A TNM category or stage group, normalised without its c/p prefix: "T4b", "N0", "M1", "IV".
 * {@code pathological} tells pT/pN/pM from the clinical categories.
 */
public record TnmCategory(String sourceId, TnmAxis axis, String category, boolean pathological,
                          LocalDate date) implements Fact {
    /** Distant disease shown by staging: M1 (any suffix) or stage group IV. */
    public boolean showsDistantDisease() {
        return (axis == TnmAxis.M && category.startsWith("M1")) || (axis == TnmAxis.STAGE_GROUP && category.startsWith("IV"));
    }

    public boolean showsNoDistantDisease() {
        return (axis == TnmAxis.M && category.startsWith("M0"))
                || (axis == TnmAxis.STAGE_GROUP && !category.startsWith("IV") && !category.isBlank());
    }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        String prefix = axis == TnmAxis.STAGE_GROUP ? "stage " : (pathological ? "p" : "c");
        return prefix + category + (date == null ? "" : " (" + date + ")");
    }
}
