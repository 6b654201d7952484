package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** A Procedure performed (status completed or in-progress) on or before the evaluation date. */
public record ProcedureDone(String sourceId, ProcedureKind kind, String code, Laterality laterality,
                            boolean prophylactic, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return (prophylactic ? "prophylactic " : "") + kind.name().toLowerCase().replace('_', ' ')
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")")
                + (date == null ? ", undated" : ", " + date);
    }
}
