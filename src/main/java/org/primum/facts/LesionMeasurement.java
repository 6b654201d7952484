package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One measurement of the longest diameter of a lesion that may be distant (catalogue "distant progression": ≥ 20 %
 * growth in longest diameter of an existing site). {@code lesionKey} names the lesion, so that measurements of one
 * lesion are compared with each other only: the metastasis or node Condition or Tumor BodyStructure in the focus,
 * else the coded body site. {@code site}: the metastatic organ site when known (may be null). Measurements of the
 * primary or the breast are not distant and never become this fact.
 * <p>
 * {@code regionalNode}: the lesion is a node of a regional group (axillary, internal mammary, supraclavicular:
 * a node record in the focus, or such a body site), on {@code side} when recorded. Whether it is distant depends
 * on the primary's side (catalogue "distant vs regional": contralateral nodes are distant), which only the
 * definitions know: they keep it as a distant lesion only then.
 */
public record LesionMeasurement(String sourceId, String lesionKey, String site, double longestMm, LocalDate date,
                                boolean regionalNode, Laterality side) implements Fact {

    /** A measurement of a distant lesion (an organ site, or distant nodes). */
    public LesionMeasurement(String sourceId, String lesionKey, String site, double longestMm, LocalDate date) {
        this(sourceId, lesionKey, site, longestMm, date, false, null);
    }

    /** This measurement as one of a distant lesion at {@code distantSite}. */
    public LesionMeasurement distantAt(String distantSite) {
        return new LesionMeasurement(sourceId, lesionKey, distantSite, longestMm, date, false, side);
    }

    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return (regionalNode ? "regional-type node lesion" : "distant lesion") + (site == null ? "" : " (" + site + ")")
                + " " + longestMm + " mm" + (date == null ? "" : " (" + date + ")");
    }
}
