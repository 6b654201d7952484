package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A Procedure performed (status completed, in-progress or stopped: begun) on or before the evaluation date. {@code site}: for
 * a treatment of a metastasis, the metastatic organ site it targets (the site codes of {@link Metastasis}), or null.
 */
public record ProcedureDone(String sourceId, ProcedureKind kind, String code, Laterality laterality,
                            boolean prophylactic, LocalDate date, String site) implements Fact {
    public ProcedureDone(String sourceId, ProcedureKind kind, String code, Laterality laterality, boolean prophylactic, LocalDate date) {
        this(sourceId, kind, code, laterality, prophylactic, date, null);
    }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return (prophylactic ? "prophylactic " : "") + kind.name().toLowerCase().replace('_', ' ')
                + (site == null ? "" : " of " + site)
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")")
                + (date == null ? ", undated" : ", " + date);
    }
}
