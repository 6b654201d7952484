package org.primum.facts;

import java.util.List;

/**
 * The distant sites taken together. {@code lesionCount} is known only from a recorded count or from
 * records naming specific sites (one lesion each); null means unknown, and unknown is never
 * oligometastatic. {@code siteUnknown} is true when some distant disease has no recorded site.
 */
public record MetastaticPattern(List<String> sites, int organCount, boolean boneOnly, boolean siteUnknown,
                                Integer lesionCount, List<String> sourceIds) implements Fact {
    public String describe() {
        return "distant sites: " + (sites.isEmpty() ? "none recorded" : String.join(", ", sites))
                + (siteUnknown ? " (some distant disease without a recorded site)" : "")
                + (boneOnly ? "; bone-only" : "")
                + (lesionCount == null ? "; lesion count unknown" : "; " + lesionCount + " lesion(s)");
    }
}
