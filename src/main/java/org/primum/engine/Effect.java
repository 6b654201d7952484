package org.primum.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cited figure as numbers, for plotting: {@code measure} (HR), the {@code endpoint} it measures
 * (overall survival, locoregional progression...), the point {@code value}, the confidence interval
 * ({@code ciLow}–{@code ciHigh} at {@code ciLevel} %, absent when the source gives none) and the
 * number of patients {@code n} when the source states it. The figure text of the citation stays the
 * authority; {@code CitationEffectsTest} checks that both say the same. A figure whose direction is
 * ambiguous as reported (POSYTIVE) has no effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Effect(String measure, String endpoint, double value, Double ciLow, Double ciHigh, Integer ciLevel, Integer n) {

    public Effect {
        if (measure == null || measure.isBlank()) throw new IllegalArgumentException("effect without measure");
        if (!(value > 0)) throw new IllegalArgumentException("a ratio must be positive: " + value);
        if ((ciLow == null) != (ciHigh == null) || (ciLow != null) != (ciLevel != null)) {
            throw new IllegalArgumentException("a confidence interval needs ciLow, ciHigh and ciLevel together");
        }
        if (ciLow != null && !(ciLow > 0 && ciLow <= value && value <= ciHigh)) {
            throw new IllegalArgumentException("confidence interval " + ciLow + "–" + ciHigh + " does not hold " + value);
        }
    }

    public boolean hasInterval() {
        return ciLow != null;
    }
}
