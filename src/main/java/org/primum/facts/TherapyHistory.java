package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Systemic therapy that started more than {@code therapyHistoryMarginDays} before the primary's diagnosis:
 * the treatment of an earlier disease (catalogue "weeks on systemic therapy"). Shown, so the clinician sees
 * it was read; it never starts the response-window clock.
 */
public record TherapyHistory(List<String> drugs, LocalDate lastStart, List<String> sourceIds) implements Fact {
    public String describe() {
        return "earlier systemic therapy (" + String.join(", ", drugs) + ", last started " + lastStart
                + "): before this cancer was diagnosed, not counted as therapy for it";
    }
}
