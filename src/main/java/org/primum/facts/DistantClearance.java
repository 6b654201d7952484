package org.primum.facts;

import java.util.List;

/**
 * Whether resecting the primary would leave no evidence of disease (catalogue "ablated metastasis"): every
 * known distant site ablated, or the distant disease assessed as no evidence of disease. {@code ablatedSites}
 * and {@code residualSites} name the organ sites either way.
 */
public record DistantClearance(boolean clear, List<String> ablatedSites, List<String> residualSites, String basis,
                               List<String> sourceIds) implements Fact {
    public String describe() {
        return (clear ? "no distant disease would remain after resection of the primary: " : "distant disease would remain: ") + basis;
    }
}
