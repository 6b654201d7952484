package org.primum.definitions;

import org.primum.facts.Laterality;
import org.primum.facts.PrimaryTumour;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which breast primary the metastatic presentation is about, when the record holds more than one (catalogue "de novo
 * metastatic": a primary and distant metastasis diagnosed together). Real records hold a cancer of years before beside
 * a new one, synchronous cancers of both breasts, or one cancer entered twice; the first primary recorded, or the
 * earliest, is not necessarily the one the metastasis came with:
 * <ul>
 *   <li><b>one tumour</b>: records of one breast (same laterality, or neither saying) diagnosed within the de novo
 *       window of that tumour's first record are one cancer entered more than once, dated by its earliest record;</li>
 *   <li><b>the index tumour</b>: the earliest one diagnosed together with the metastasis (within the window, before or
 *       after it); else the first diagnosed after the metastasis (a metastasis found first is never recurrence of a
 *       later primary); else the latest before it (measured against the most recent cancer, the metastasis is
 *       recurrent). With no metastasis date, the latest tumour: the newest cancer is the one presenting. Its diagnosis
 *       anchors the de novo window and the therapy clock (an earlier cancer's therapy is history);</li>
 *   <li><b>the synchronous tumours</b>: those diagnosed together with the metastasis (at least the index): the primary
 *       is intact while any of them has had no breast surgery on its side (bilateral cancers, one excised: the other
 *       is still an intact primary).</li>
 * </ul>
 */
final class PresentingPrimary {

    /** One cancer: its records, the earliest first. */
    record Tumour(List<PrimaryTumour> records) {
        PrimaryTumour first() { return records.get(0); }
        LocalDate diagnosed() { return first().diagnosed(); }
        Laterality side() { return first().laterality(); }
    }

    record Choice(PrimaryTumour index, List<Tumour> synchronous) {
    }

    /**
     * @param primaries the primaries on {@code asOf}, sorted by diagnosis date, undated last; not empty
     * @param found     when the metastatic disease was found (the earliest metastasis or M1 / stage IV), or null
     */
    static Choice of(List<PrimaryTumour> primaries, LocalDate found, int windowDays) {
        List<Tumour> tumours = tumours(primaries, windowDays);
        List<Tumour> dated = tumours.stream().filter(t -> t.diagnosed() != null).toList();
        if (dated.isEmpty()) return new Choice(tumours.get(0).first(), List.of(tumours.get(0)));
        if (found == null) {
            Tumour latest = dated.get(dated.size() - 1);
            return new Choice(latest.first(), List.of(latest));
        }
        List<Tumour> together = dated.stream()
                .filter(t -> Math.abs(ChronoUnit.DAYS.between(t.diagnosed(), found)) <= windowDays).toList();
        if (!together.isEmpty()) return new Choice(together.get(0).first(), together);
        Tumour index = dated.stream().filter(t -> t.diagnosed().isAfter(found)).findFirst().orElse(dated.get(dated.size() - 1));
        return new Choice(index.first(), List.of(index));
    }

    /**
     * The records whose sides are "the primary's side" (contralateral mastectomy, node laterality, orders and
     * symptoms of the primary): every record except those of an earlier cancer, one diagnosed more than the de
     * novo window before the index tumour (a cancer of years before, treated then: history). Cancers of both breasts
     * diagnosed within the window of each other are one presentation even when only one is within the window of
     * the metastasis; a cancer diagnosed after the index one, and an undated record (it cannot be placed before
     * it), may hold tumour too: operating on its breast is not prophylactic.
     */
    static List<PrimaryTumour> presenting(List<PrimaryTumour> primaries, Choice choice, int windowDays) {
        LocalDate index = choice.index().diagnosed();
        if (index == null) return primaries;
        LocalDate earlier = index.minusDays(windowDays);
        return primaries.stream().filter(p -> p.diagnosed() == null || !p.diagnosed().isBefore(earlier)).toList();
    }

    /** Whether a breast operation on {@code surgerySide} removes a tumour of {@code tumourSide} (a side unsaid: assume so). */
    static boolean covers(Laterality surgerySide, Laterality tumourSide) {
        return surgerySide == null || surgerySide == Laterality.BILATERAL || tumourSide == null || surgerySide == tumourSide;
    }

    private static List<Tumour> tumours(List<PrimaryTumour> primaries, int windowDays) {
        List<List<PrimaryTumour>> groups = new ArrayList<>();
        for (PrimaryTumour p : primaries) {
            Optional<List<PrimaryTumour>> same = p.diagnosed() == null ? Optional.empty() : groups.stream()
                    .filter(g -> g.get(0).diagnosed() != null && Objects.equals(g.get(0).laterality(), p.laterality())
                            && ChronoUnit.DAYS.between(g.get(0).diagnosed(), p.diagnosed()) <= windowDays)
                    .findFirst();
            if (same.isPresent()) same.get().add(p);
            else groups.add(new ArrayList<>(List.of(p)));
        }
        return groups.stream().map(Tumour::new)
                .sorted(Comparator.comparing(Tumour::diagnosed, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private PresentingPrimary() {
    }
}
