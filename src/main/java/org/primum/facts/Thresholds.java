package org.primum.facts;

import java.util.List;

/**
 * The configurable numbers of the catalogue's definitions, inserted as a fact so that rules compare
 * against configuration, not literals. Defaults come from the catalogue (see application.properties).
 */
public record Thresholds(int deNovoWindowDays, int responseWindowMinWeeks, int responseWindowMaxWeeks,
                         int oligometastaticMaxLesions, int poorEcogMin, int poorKarnofskyMax,
                         int newLesionGraceWeeks) implements Fact {
    public static final Thresholds CATALOGUE_DEFAULTS = new Thresholds(90, 16, 32, 3, 3, 40, 4);

    public List<String> sourceIds() { return List.of(); }
    public String describe() {
        return "thresholds: de novo window " + deNovoWindowDays + " d, response window " + responseWindowMinWeeks
                + "–" + responseWindowMaxWeeks + " wk, oligometastatic ≤ " + oligometastaticMaxLesions
                + " lesions, poor performance ECOG ≥ " + poorEcogMin + " / Karnofsky ≤ " + poorKarnofskyMax;
    }
}
