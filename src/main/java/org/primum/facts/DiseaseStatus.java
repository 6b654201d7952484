package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One disease-status assessment (LOINC 97509-4 or 88040-1). {@code focus} as the mapping read it (a node record
 * in the focus counts as locoregional); {@code nodeFocus}: the node records that made it so, which the
 * definitions may find distant (nodes of the side opposite the primary, catalogue "distant vs regional"), and
 * {@code primaryFocus}: whether the primary itself is also in the focus.
 */
public record DiseaseStatus(String sourceId, DiseaseFocus focus, Response response, LocalDate date,
                            List<String> nodeFocus, boolean primaryFocus) implements Fact {
    public DiseaseStatus {
        nodeFocus = nodeFocus == null ? List.of() : List.copyOf(nodeFocus);
    }

    /** A status whose focus names no node record. */
    public DiseaseStatus(String sourceId, DiseaseFocus focus, Response response, LocalDate date) {
        this(sourceId, focus, response, date, List.of(), focus == DiseaseFocus.PRIMARY);
    }

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
