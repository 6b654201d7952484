package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A distant metastasis. {@code site} is the organ site code of the {@code metastatic-site} ConceptMap
 * ("bone", "liver", ...) or "unspecified"; {@code specificSite} is true when the record names a
 * structure more precise than the organ (one lesion per record then); {@code lesionCount} is a
 * recorded count, or null. Regional nodal disease is never a Metastasis.
 */
public record Metastasis(String sourceId, String site, boolean specificSite, String siteDisplay,
                         LocalDate onset, DateBasis dateBasis, Integer lesionCount) implements Fact {
    public static final String UNSPECIFIED = "unspecified";

    public boolean siteKnown() { return !UNSPECIFIED.equals(site); }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "distant metastasis: " + (siteKnown() ? site : "site not recorded")
                + (siteDisplay == null ? "" : " (" + siteDisplay + ")")
                + (lesionCount == null ? "" : ", " + lesionCount + " lesion(s)")
                + (onset == null ? ", undated" : ", onset " + onset
                + (dateBasis == DateBasis.INFERRED ? " (from staging)" : ""));
    }
}
