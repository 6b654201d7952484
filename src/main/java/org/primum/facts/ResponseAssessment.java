package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * The current response of the primary ({@code PRIMARY}: locoregional disease, the primary or its regional
 * nodes) or of the distant disease ({@code DISTANT}): the latest assessment on or before the evaluation
 * date, a whole-disease status counting for both, or new distant lesions during therapy (distant
 * progression). {@code assessment} (distant only): dated at least {@code responseAssessmentMinWeeks} after
 * the therapy start, so it is the response assessment the paths after the window need; false for an early
 * check, an undated status or one whose therapy start is unknown.
 */
public record ResponseAssessment(DiseaseFocus focus, Response response, LocalDate date, String basis,
                                 boolean assessment, List<String> sourceIds) implements Fact {
    public boolean controlled() { return response.controlled(); }

    public String describe() {
        return (focus == DiseaseFocus.PRIMARY ? "primary tumour " : "distant disease ")
                + response.name().toLowerCase().replace('_', ' ') + (date == null ? "" : " (" + date + ")")
                + (basis == null ? "" : ": " + basis)
                + (focus == DiseaseFocus.DISTANT && !assessment ? " (early check, not the response assessment)" : "");
    }
}
