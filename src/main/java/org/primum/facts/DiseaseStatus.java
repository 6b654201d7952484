package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One disease-status assessment (LOINC 97509-4 or 88040-1). {@code focus} as the mapping read it (a node record
 * in the focus counts as locoregional); {@code nodeFocus}: the node records that made it so, which the
 * definitions may find distant (nodes of the side opposite the primary, catalogue "distant vs regional"), and
 * {@code primaryFocus}: whether the primary itself is also in the focus; {@code metastasisFocus}: the metastasis
 * records the status names (empty: the distant disease as a whole), so that "no evidence of disease" about some
 * metastases does not clear the others (catalogue "ablated metastasis": every known distant site).
 */
public record DiseaseStatus(String sourceId, DiseaseFocus focus, Response response, LocalDate date,
                            List<String> nodeFocus, boolean primaryFocus, List<String> metastasisFocus) implements Fact {
    public DiseaseStatus {
        nodeFocus = nodeFocus == null ? List.of() : List.copyOf(nodeFocus);
        metastasisFocus = metastasisFocus == null ? List.of() : List.copyOf(metastasisFocus);
    }

    /** A status whose focus names no metastasis record. */
    public DiseaseStatus(String sourceId, DiseaseFocus focus, Response response, LocalDate date, List<String> nodeFocus, boolean primaryFocus) {
        this(sourceId, focus, response, date, nodeFocus, primaryFocus, List.of());
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
