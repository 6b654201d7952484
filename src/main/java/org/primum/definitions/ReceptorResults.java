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
        Boolean hr = er == ReceptorValue.POSITIVE || pr == ReceptorValue.POSITIVE ? Boolean.TRUE
                : er == ReceptorValue.NEGATIVE && pr == ReceptorValue.NEGATIVE ? Boolean.FALSE : null;
        Subtype subtype = her2 == ReceptorValue.POSITIVE ? Subtype.HER2_POSITIVE
                : her2 == ReceptorValue.NEGATIVE && Boolean.TRUE.equals(hr) ? Subtype.HR_POSITIVE_HER2_NEGATIVE
                : her2 == ReceptorValue.NEGATIVE && Boolean.FALSE.equals(hr) ? Subtype.TRIPLE_NEGATIVE
                : Subtype.UNKNOWN;
        List<String> ids = latest.values().stream().map(ReceptorStatus::sourceId).toList();
        return new TumourSubtype(subtype, er, pr, her2, hr, ids);
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
