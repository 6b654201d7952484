package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Systemic therapy taken together: weeks from the first start to the evaluation date (null if no
 * start date is recorded), the drugs and their classes.
 */
public record TherapyExposure(LocalDate firstStart, Long weeks, List<String> drugs, List<DrugClass> classes,
                              List<String> sourceIds) implements Fact {
    public boolean durationKnown() { return weeks != null; }

    public String describe() {
        return "systemic therapy " + String.join(", ", drugs)
                + (firstStart == null ? ", start not recorded" : " since " + firstStart + " (" + weeks + " weeks)");
    }
}
