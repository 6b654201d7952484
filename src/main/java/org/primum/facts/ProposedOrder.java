package org.primum.facts;

import java.util.List;

/** A proposed procedure: a ServiceRequest in draft, active or on-hold status, a Procedure in preparation (or a CDS Hooks draft order). */
public record ProposedOrder(String sourceId, ProcedureKind kind, String code, Laterality laterality,
                            boolean prophylactic, String status) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "proposed " + (prophylactic ? "prophylactic " : "") + kind.name().toLowerCase().replace('_', ' ')
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")") + ", " + status;
    }
}
