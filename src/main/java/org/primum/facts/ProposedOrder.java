package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A proposed procedure: a ServiceRequest in draft, active or on-hold status, a Procedure in preparation (or a CDS Hooks
 * draft order). {@code authored}: when it was ordered ({@code ServiceRequest.authoredOn}; never
 * {@code occurrence[x]}, when it is to happen), or null: an evaluation as of an earlier date (a replay) leaves out the orders authored after it, as every other
 * dated record; an undated order counts at every date, and CDS Hooks draft orders are read undated (they are now).
 */
public record ProposedOrder(String sourceId, ProcedureKind kind, String code, Laterality laterality,
                            boolean prophylactic, String status, LocalDate authored) implements Fact {

    /** An undated order. */
    public ProposedOrder(String sourceId, ProcedureKind kind, String code, Laterality laterality, boolean prophylactic, String status) {
        this(sourceId, kind, code, laterality, prophylactic, status, null);
    }

    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return "proposed " + (prophylactic ? "prophylactic " : "") + kind.name().toLowerCase().replace('_', ' ')
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")") + ", " + status
                + (authored == null ? "" : ", ordered " + authored);
    }
}
