package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * An act being judged by an audit (catalogue section F): a procedure that was done, inserted only into
 * an audit's evaluation, so the audit rules (which all need one) never fire in a tumour-board answer.
 * The other facts of that evaluation are the record as it stood before the act (see rules/README.md,
 * "Audit"); the act itself is not among them.
 *
 * @param ofPrimary  locoregional therapy of the primary: breast surgery, axillary surgery or locoregional
 *                   radiotherapy, not coded prophylactic, on the primary's side (or either side unknown)
 * @param date       null when the procedure has no date (then nothing can be said about its timing)
 */
public record AuditedAct(String sourceId, ProcedureKind kind, LocalDate date, Laterality laterality,
                         boolean prophylactic, boolean ofPrimary) implements Fact {

    public boolean dated() { return date != null; }

    public boolean mastectomy() { return kind == ProcedureKind.MASTECTOMY; }

    public boolean axillaryDissection() { return kind == ProcedureKind.AXILLARY_DISSECTION; }

    /** Breast surgery of the primary (the operations whose margins are audited). */
    public boolean breastSurgeryOfPrimary() { return ofPrimary && kind.breastSurgery(); }

    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return "act judged: " + (prophylactic ? "prophylactic " : "") + kind.name().toLowerCase().replace('_', ' ')
                + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")")
                + (date == null ? ", undated" : ", " + date);
    }
}
