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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * @param primaries the primaries the metastatic presentation is about (the interpretation's {@link PrimaryTumour}
     *                  facts): an earlier, treated cancer's breast is not the primary's, so a mastectomy of it now
     *                  is of the breast opposite the primary, not locoregional therapy of the primary
     */
    static List<AuditedAct> of(ClinicalRecord record, LocalDate asOf, List<PrimaryTumour> primaries) {
        List<AuditedAct> acts = new ArrayList<>();
        for (ProcedureDone p : record.procedures()) {
            if (p.date() != null && p.date().isAfter(asOf)) continue;
            if (!judged(p)) continue;
            boolean ofPrimary = !p.prophylactic() && sameSide(p.laterality(), primaries);
            acts.add(new AuditedAct(p.sourceId(), p.kind(), p.date(), p.laterality(), p.prophylactic(), ofPrimary));
        }
        acts.sort(Comparator.comparing(AuditedAct::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AuditedAct::sourceId));
        return acts;
    }

    /**
     * The acts with each course of locoregional radiotherapy as one act, its first fraction: a course recorded as
     * one Procedure per fraction (25 daily records) is one locoregional therapy, judged once, at its start
     * (catalogue F judges "LRT of the primary was done", a treatment, not each of its sessions). A fraction
     * belongs to the course of the fraction of the same side before it when at most {@code gapDays} lie between
     * them (threshold radiotherapyCourseGapDays: weekends, holidays, a break for skin toxicity; a re-irradiation months
     * later is another course). Undated ones stay apart. {@code acts} in date order, as {@link #of} gives them.
     */
    static List<AuditedAct> courses(List<AuditedAct> acts, int gapDays) {
        Map<Laterality, LocalDate> lastFraction = new HashMap<>();
        List<AuditedAct> result = new ArrayList<>();
        for (AuditedAct a : acts) {
            if (a.kind() != ProcedureKind.LOCOREGIONAL_RADIOTHERAPY || a.date() == null) {
                result.add(a);
                continue;
            }
            LocalDate last = lastFraction.put(a.laterality(), a.date());
            boolean continues = last != null && !a.date().isAfter(last.plusDays(gapDays));
            if (!continues) result.add(a);
        }
        return result;
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
     * The margin result of each breast surgery of the primary, each operation judged on its own result: the
     * latest result(s) whose {@code partOf} names it; else the latest result(s) dated on or after it and before the
     * next breast surgery of the primary that names no other procedure (a re-excision has its own); an undated
     * result belongs to the operation only when there is one. The operations are those of this primary: one
     * dated before its diagnosis treated an earlier disease, is never judged, and neither takes a result nor
     * closes the window of the next one.
     *
     * @param diagnosed the primary's diagnosis date (null: unknown, every operation counts)
     * @param partOf    margin source id → the procedure it is partOf ({@link MarginLinks})
     */
    static List<ActMargin> margins(List<AuditedAct> acts, List<MarginStatus> margins, LocalDate asOf, LocalDate diagnosed,
                                   Map<String, String> partOf) {
        List<AuditedAct> surgeries = acts.stream().filter(AuditedAct::breastSurgeryOfPrimary)
                .filter(a -> a.date() == null || diagnosed == null || !a.date().isBefore(diagnosed)).toList();
        List<MarginStatus> known = margins.stream().filter(m -> m.date() == null || !m.date().isAfter(asOf)).toList();
        // a result linked to a procedure reports on that one only, whatever its date
        List<MarginStatus> unlinked = known.stream().filter(m -> !partOf.containsKey(m.sourceId())).toList();
        List<ActMargin> result = new ArrayList<>();
        for (int i = 0; i < surgeries.size(); i++) {
            AuditedAct s = surgeries.get(i);
            List<MarginStatus> margin = latest(known.stream().filter(m -> s.sourceId().equals(partOf.get(m.sourceId()))).toList());
            if (margin.isEmpty()) margin = byDate(surgeries, i, unlinked);
            margin.forEach(m -> result.add(new ActMargin(s.sourceId(), m)));
        }
        return result;
    }

    /**
     * The latest unlinked results in the surgery's window (see {@link #margins}). A result whose body site or code
     * names a breast reports on an operation of that breast only, and its window closes at the next operation of that
     * breast: the left and the right breast operated the same day each take their own result, not both.
     */
    private static List<MarginStatus> byDate(List<AuditedAct> surgeries, int i, List<MarginStatus> unlinked) {
        AuditedAct s = surgeries.get(i);
        List<MarginStatus> ofThisSide = unlinked.stream().filter(m -> sameBreast(m.laterality(), s.laterality())).toList();
        if (s.date() == null || ofThisSide.stream().allMatch(m -> m.date() == null)) {
            return surgeries.size() == 1 ? ofThisSide.stream().reduce((a, b) -> b).stream().toList() : List.of();
        }
        return latest(ofThisSide.stream().filter(m -> m.date() != null && !m.date().isBefore(s.date())
                && before(nextDate(surgeries, i, m.laterality()), m.date())).toList());
    }

    /** Whether a result of {@code resultSide} may report on an operation of {@code operationSide} (either unsaid, or both: yes). */
    private static boolean sameBreast(Laterality resultSide, Laterality operationSide) {
        return resultSide == null || operationSide == null || resultSide == Laterality.BILATERAL
                || operationSide == Laterality.BILATERAL || resultSide == operationSide;
    }

    private static boolean before(LocalDate next, LocalDate date) {
        return next == null || date.isBefore(next);
    }

    /**
     * The results of the latest date, all of them: two results of one day (a specimen of each breast operated that
     * day, the main specimen and a cavity shave) are both the operation's, never one picked by the order of the
     * input; an undated result only when none is dated.
     */
    private static List<MarginStatus> latest(List<MarginStatus> results) {
        LocalDate last = results.stream().map(MarginStatus::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return results.stream().filter(m -> Objects.equals(m.date(), last)).sorted(Comparator.comparing(MarginStatus::sourceId)).toList();
    }

    /** The date of the next operation after surgery {@code i} that a result of {@code resultSide} could report on. */
    private static LocalDate nextDate(List<AuditedAct> surgeries, int i, Laterality resultSide) {
        LocalDate own = surgeries.get(i).date();
        return surgeries.stream().skip(i + 1L).filter(a -> sameBreast(resultSide, a.laterality()))
                .map(AuditedAct::date).filter(Objects::nonNull).filter(d -> d.isAfter(own)).findFirst().orElse(null);
    }

    /**
     * The breast operations of the primary, for the breast-conservation rate (catalogue F: "breast-conserving
     * surgeries / breast surgeries", operations): the breast surgeries of the primary of one day and one breast
     * are one operation (the same operation recorded twice, by the surgical system and by billing, or a
     * lumpectomy converted to a mastectomy), conserving only when none of them is a mastectomy. With a primary in
     * each breast, the left and the right breast operated the same day are two operations; a record of that day
     * with no side, or of both, belongs to each. Each undated one apart.
     */
    static List<List<AuditedAct>> operations(List<AuditedAct> acts) {
        Map<LocalDate, List<AuditedAct>> byDay = new TreeMap<>();
        List<List<AuditedAct>> operations = new ArrayList<>();
        for (AuditedAct a : acts) {
            if (!a.breastSurgeryOfPrimary()) continue;
            if (a.date() == null) operations.add(List.of(a));
            else byDay.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a);
        }
        for (List<AuditedAct> day : byDay.values()) operations.addAll(bySide(day));
        return operations;
    }

    private static List<List<AuditedAct>> bySide(List<AuditedAct> day) {
        List<AuditedAct> left = day.stream().filter(a -> a.laterality() == Laterality.LEFT).toList();
        List<AuditedAct> right = day.stream().filter(a -> a.laterality() == Laterality.RIGHT).toList();
        if (left.isEmpty() || right.isEmpty()) return List.of(day);
        List<AuditedAct> both = day.stream().filter(a -> a.laterality() != Laterality.LEFT && a.laterality() != Laterality.RIGHT).toList();
        List<AuditedAct> l = new ArrayList<>(left), r = new ArrayList<>(right);
        l.addAll(both);
        r.addAll(both);
        return List.of(l, r);
    }

    static boolean breastConserving(AuditedAct act) {
        return act.kind() == ProcedureKind.BREAST_CONSERVING_SURGERY;
    }
}
