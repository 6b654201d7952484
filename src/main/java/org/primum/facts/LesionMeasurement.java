package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One measurement of the longest diameter of a distant lesion (catalogue "distant progression": ≥ 20 % growth
 * in longest diameter of an existing site). {@code lesionKey} names the lesion, so that measurements of one
 * lesion are compared with each other only: the metastasis Condition or Tumor BodyStructure in the focus, else
 * the coded body site. {@code site}: the metastatic organ site when known (may be null). Measurements of the
 * primary or its regional nodes are not distant and never become this fact.
 */
public record LesionMeasurement(String sourceId, String lesionKey, String site, double longestMm, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return "distant lesion" + (site == null ? "" : " (" + site + ")") + " " + longestMm + " mm"
                + (date == null ? "" : " (" + date + ")");
    }
}
