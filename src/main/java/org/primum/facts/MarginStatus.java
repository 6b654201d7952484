package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A surgical margin result. {@code laterality}: the breast its body site (or code) names, when it names one: with
 * both breasts operated the same day and no {@code Observation.partOf}, it says which operation the result reports on.
 */
public record MarginStatus(String sourceId, boolean involved, LocalDate date, Laterality laterality) implements Fact {

    /** A result that names no side. */
    public MarginStatus(String sourceId, boolean involved, LocalDate date) {
        this(sourceId, involved, date, null);
    }

    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return "surgical margins " + (involved ? "involved" : "clear")
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")") + (date == null ? "" : " (" + date + ")");
    }
}
