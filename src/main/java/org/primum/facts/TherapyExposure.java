package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Systemic therapy for this cancer taken together (catalogue "weeks on systemic therapy"): weeks from the
 * earliest known start to the evaluation date, the drugs and their classes. {@code startUnknown}: a therapy
 * for this cancer has no start date and the known starts give fewer than the response window (or there is
 * none); then {@code weeks} is null, the window counts as not yet passed, and DATA_MISSING_THERAPY_START
 * fires. Therapies of an earlier disease are {@link TherapyHistory}, never here.
 */
public record TherapyExposure(LocalDate firstStart, Long weeks, boolean startUnknown, List<String> drugs,
                              List<DrugClass> classes, List<String> sourceIds) implements Fact {
    public boolean durationKnown() { return weeks != null; }

    public String describe() {
        return "systemic therapy " + String.join(", ", drugs)
                + (startUnknown ? ", start of therapy for this cancer not recorded: weeks on therapy unknown"
                : " since " + firstStart + " (" + weeks + " weeks)");
    }
}
