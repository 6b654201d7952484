package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * The current response of the primary ({@code PRIMARY}) or of the distant disease ({@code DISTANT}):
 * the latest assessment on or before the evaluation date, a whole-disease status counting for both,
 * or new distant lesions during therapy (distant progression).
 */
public record ResponseAssessment(DiseaseFocus focus, Response response, LocalDate date, String basis,
                                 List<String> sourceIds) implements Fact {
    public boolean controlled() { return response.controlled(); }

    public String describe() {
        return (focus == DiseaseFocus.PRIMARY ? "primary tumour " : "distant disease ")
                + response.name().toLowerCase().replace('_', ' ') + (date == null ? "" : " (" + date + ")")
                + (basis == null ? "" : ": " + basis);
    }
}
