package org.primum.audit.judge;

import org.primum.facts.ActMargin;
import org.primum.facts.AuditedAct;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.Laterality;
import org.primum.facts.MarginStatus;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The acts an audit judges in one patient's record (catalogue F: "LRT of the primary, mastectomies, axillary
 * dissections, breast surgery"): every procedure done on or before the audit's date that is locoregional
 * therapy (breast or axillary surgery, radiotherapy aimed at the breast, chest wall or regional nodes) or a
 * mastectomy of either breast. Radiotherapy of a metastasis and tumour-board reviews are not acts judged here,
 * nor radiotherapy whose target is not recorded: the catalogue counts a radiotherapy as locoregional "only when
 * its body site is the breast, chest wall or regional nodes", and a course of unknown target is as often the
 * palliation of a bone metastasis (judging it as LRT would call that up-front or premature LRT).
 */
final class Acts {
    private Acts() {
    }

    static List<AuditedAct> of(ClinicalRecord record, LocalDate asOf) {
        List<AuditedAct> acts = new ArrayList<>();
        for (ProcedureDone p : record.procedures()) {
            if (p.date() != null && p.date().isAfter(asOf)) continue;
            if (!judged(p)) continue;
            boolean ofPrimary = !p.prophylactic() && sameSide(p.laterality(), record.primaries());
            acts.add(new AuditedAct(p.sourceId(), p.kind(), p.date(), p.laterality(), p.prophylactic(), ofPrimary));
        }
        acts.sort(Comparator.comparing(AuditedAct::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AuditedAct::sourceId));
        return acts;
    }

    /** A procedure the audit judges, whatever its date (see the class comment). */
    static boolean judged(ProcedureDone p) {
        return p.kind().locoregional() && p.kind() != ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE;
    }

    /**
     * Whether a procedure of this side treats the primary: one of unknown side or both sides does; a one-sided
     * one does when it is on the side of a primary (or both breasts have cancer). A primary recorded without a
     * side (a problem-list entry beside a coded left-breast cancer) is taken as the same cancer when another
     * record gives the side, as the contralateral prophylactic mastectomy criterion reads it ("the breast
     * opposite the primary"); only when no record gives a side may the act be on the primary's. Otherwise one
     * act would be judged both as LRT of the primary and as a mastectomy of the other breast.
     */
    static boolean sameSide(Laterality side, List<PrimaryTumour> primaries) {
        if (side == null || side == Laterality.BILATERAL) return true;
        boolean sideKnown = primaries.stream().anyMatch(p -> p.laterality() != null);
        return primaries.stream().anyMatch(p -> p.laterality() == side || p.laterality() == Laterality.BILATERAL
                || (p.laterality() == null && !sideKnown));
    }

    /**
     * The margin result of each breast surgery of the primary: the latest result dated on or after the
     * operation and before the next breast surgery of the primary (a re-excision has its own); an undated
     * result belongs to the operation only when there is one.
     */
    static List<ActMargin> margins(List<AuditedAct> acts, List<MarginStatus> margins, LocalDate asOf) {
        List<AuditedAct> surgeries = acts.stream().filter(AuditedAct::breastSurgeryOfPrimary).toList();
        List<ActMargin> result = new ArrayList<>();
        for (int i = 0; i < surgeries.size(); i++) {
            AuditedAct s = surgeries.get(i);
            Optional<MarginStatus> margin;
            if (s.date() == null || margins.stream().allMatch(m -> m.date() == null)) {
                margin = surgeries.size() == 1 ? margins.stream().filter(m -> m.date() == null || !m.date().isAfter(asOf))
                        .reduce((a, b) -> b) : Optional.empty();
            } else {
                LocalDate next = nextDate(surgeries, i);
                margin = margins.stream()
                        .filter(m -> m.date() != null && !m.date().isBefore(s.date()) && !m.date().isAfter(asOf)
                                && (next == null || m.date().isBefore(next)))
                        .max(Comparator.comparing(MarginStatus::date));
            }
            margin.ifPresent(m -> result.add(new ActMargin(s.sourceId(), m)));
        }
        return result;
    }

    private static LocalDate nextDate(List<AuditedAct> surgeries, int i) {
        LocalDate own = surgeries.get(i).date();
        return surgeries.stream().skip(i + 1L).map(AuditedAct::date).filter(Objects::nonNull)
                .filter(d -> d.isAfter(own)).findFirst().orElse(null);
    }

    /**
     * The breast operations of the primary, for the breast-conservation rate (catalogue F: "breast-conserving
     * surgeries / breast surgeries", operations): the breast surgeries of the primary of one day are one
     * operation (the same operation recorded twice, by the surgical system and by billing, or a lumpectomy
     * converted to a mastectomy), conserving only when none of them is a mastectomy; each undated one apart.
     */
    static List<List<AuditedAct>> operations(List<AuditedAct> acts) {
        Map<LocalDate, List<AuditedAct>> byDay = new TreeMap<>();
        List<List<AuditedAct>> operations = new ArrayList<>();
        for (AuditedAct a : acts) {
            if (!a.breastSurgeryOfPrimary()) continue;
            if (a.date() == null) operations.add(List.of(a));
            else byDay.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a);
        }
        operations.addAll(byDay.values());
        return operations;
    }

    static boolean breastConserving(AuditedAct act) {
        return act.kind() == ProcedureKind.BREAST_CONSERVING_SURGERY;
    }
}
