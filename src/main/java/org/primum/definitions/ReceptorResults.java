package org.primum.definitions;

import org.primum.facts.AssayMethod;
import org.primum.facts.MappingNote;
import org.primum.facts.Receptor;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.ReceptorValue;
import org.primum.facts.Subtype;
import org.primum.facts.TumourSubtype;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The subtype from the latest ER, PR and HER2 results ("several results": the latest counts). Results of one
 * date are weighed, not taken in the order of the records (catalogue "HER2 result", ASCO/CAP 2018): a
 * definitive result (positive, negative) outweighs an equivocal one, so the ISH decides an equivocal IHC;
 * definitive results of one date that disagree leave the marker equivocal (unresolved: obtain it), with a note.
 */
final class ReceptorResults {

    static TumourSubtype subtype(List<ReceptorStatus> receptors, List<MappingNote> notes) {
        Map<Receptor, ReceptorStatus> latest = new EnumMap<>(Receptor.class);
        for (Receptor r : Receptor.values()) {
            ReceptorStatus s = decide(receptors.stream().filter(x -> x.receptor() == r && x.value() != ReceptorValue.UNKNOWN).toList(), notes);
            if (s != null) latest.put(r, s);
        }
        ReceptorValue er = valueOf(latest, Receptor.ER), pr = valueOf(latest, Receptor.PR), her2 = valueOf(latest, Receptor.HER2);
        Boolean hr = hormoneStatus(latest, notes);
        Subtype subtype = her2 == ReceptorValue.POSITIVE ? Subtype.HER2_POSITIVE
                : her2 == ReceptorValue.NEGATIVE && Boolean.TRUE.equals(hr) ? Subtype.HR_POSITIVE_HER2_NEGATIVE
                : her2 == ReceptorValue.NEGATIVE && Boolean.FALSE.equals(hr) ? Subtype.TRIPLE_NEGATIVE
                : Subtype.UNKNOWN;
        // the combined status is named among the sources only when it, not ER and PR, decided
        boolean combinedDecided = hr != null && !hr.equals(hormoneFromMarkers(er, pr));
        List<String> ids = latest.values().stream().filter(s -> s.receptor() != Receptor.HR || combinedDecided)
                .map(ReceptorStatus::sourceId).distinct().toList();
        return new TumourSubtype(subtype, er, pr, her2, hr, ids);
    }

    /**
     * Hormone-receptor positive if ER or PR is positive, negative if both are negative. A combined status (HR+,
     * as ICD-10-CM Z17.41x states it without saying whether ER or PR) decides when ER and PR do not, or when it is
     * later than the results they decide from ("several results": the latest counts); a disagreement is noted.
     */
    private static Boolean hormoneStatus(Map<Receptor, ReceptorStatus> latest, List<MappingNote> notes) {
        ReceptorStatus er = latest.get(Receptor.ER), pr = latest.get(Receptor.PR), combined = latest.get(Receptor.HR);
        Boolean markers = hormoneFromMarkers(valueOf(latest, Receptor.ER), valueOf(latest, Receptor.PR));
        if (combined == null || !combined.definitive()) return markers;
        Boolean stated = combined.value() == ReceptorValue.POSITIVE;
        if (markers == null || markers.equals(stated)) return stated;
        // the markers' date: of the positive one(s) for HR+, of both for HR- (both decide)
        LocalDate markersDate = Stream.of(er, pr).filter(Objects::nonNull)
                .filter(s -> !markers || s.value() == ReceptorValue.POSITIVE)
                .map(ReceptorStatus::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        boolean combinedLater = combined.date() != null && (markersDate == null || combined.date().isAfter(markersDate));
        List<String> ids = Stream.of(er, pr, combined).filter(Objects::nonNull).map(ReceptorStatus::sourceId).toList();
        notes.add(new MappingNote("receptor result", "The combined hormone-receptor status (" + (stated ? "positive" : "negative")
                + ") and the ER/PR results disagree: the " + (combinedLater ? "combined status" : "ER/PR results") + ", the later, counts.", ids));
        return combinedLater ? stated : markers;
    }

    private static Boolean hormoneFromMarkers(ReceptorValue er, ReceptorValue pr) {
        if (er == ReceptorValue.POSITIVE || pr == ReceptorValue.POSITIVE) return Boolean.TRUE;
        if (er == ReceptorValue.NEGATIVE && pr == ReceptorValue.NEGATIVE) return Boolean.FALSE;
        return null;
    }

    /** The result that counts among one marker's results: those of the latest date (undated ones only when none is dated). */
    private static ReceptorStatus decide(List<ReceptorStatus> results, List<MappingNote> notes) {
        if (results.isEmpty()) return null;
        LocalDate last = results.stream().map(ReceptorStatus::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<ReceptorStatus> sameDay = results.stream().filter(s -> Objects.equals(s.date(), last)).toList();
        List<ReceptorStatus> definitive = sameDay.stream().filter(ReceptorStatus::definitive).toList();
        if (definitive.isEmpty()) return sameDay.get(sameDay.size() - 1);
        if (definitive.stream().map(ReceptorStatus::value).distinct().count() == 1) {
            // an ISH result names the method that settles HER2: prefer it as the source shown
            return definitive.stream().filter(s -> s.method() == AssayMethod.ISH).findFirst().orElse(definitive.get(0));
        }
        ReceptorStatus first = definitive.get(0);
        notes.add(new MappingNote("receptor result", first.receptor() + " results of " + (last == null ? "no recorded date" : last)
                + " disagree (positive and negative): taken as equivocal until resolved.",
                definitive.stream().map(ReceptorStatus::sourceId).toList()));
        return new ReceptorStatus(first.sourceId(), first.receptor(), ReceptorValue.EQUIVOCAL, last, first.method());
    }

    private static ReceptorValue valueOf(Map<Receptor, ReceptorStatus> latest, Receptor r) {
        ReceptorStatus s = latest.get(r);
        return s == null ? ReceptorValue.UNKNOWN : s.value();
    }

    private ReceptorResults() {
    }
}
