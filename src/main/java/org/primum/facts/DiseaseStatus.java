package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** One disease-status assessment (LOINC 97509-4 or 88040-1). */
public record DiseaseStatus(String sourceId, DiseaseFocus focus, Response response, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        String of = switch (focus) {
            case PRIMARY -> "primary tumour";
            case DISTANT -> "distant disease";
            case WHOLE -> "disease (whole)";
        };
        return of + " " + response.name().toLowerCase().replace('_', ' ') + (date == null ? "" : " (" + date + ")");
    }
}
