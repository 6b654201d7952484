package org.primum.definitions;

import org.primum.facts.DateBasis;
import org.primum.facts.MappingNote;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.SystemicTherapy;
import org.primum.facts.TnmCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The catalogue's "undated records" for the primary: a primary without a diagnosis date takes the date of its
 * earliest related record (staging, tumour marker, procedure, therapy).
 * <p>
 * A primary dated only by {@code Condition.recordedDate} ({@link DateBasis#RECORDED_ONLY}) is half-dated:
 * recordedDate is when the Condition was entered (a problem list often enters it weeks or months after the
 * diagnosis), an upper bound of the diagnosis. A staging or a receptor result dated earlier shows the cancer was
 * diagnosed by then, so the primary takes that date. Keeping the recorded date would start the de novo window
 * late and turn every therapy started before it into "history", stopping the clock on therapy. Only the
 * diagnostic records move it: a therapy or an operation may treat an earlier disease.
 */
final class PrimaryDates {

    /**
     * Settles each recorded-only primary: the date of its earliest staging or marker when earlier (INFERRED, with a
     * note), else its recorded date (RECORDED). Called before primaries dated after {@code asOf} are dropped: a
     * primary entered after {@code asOf} but staged before it existed at {@code asOf}. The staging and markers given
     * are those on or before {@code asOf}; one after it could only move the date to a day after {@code asOf}, where
     * the primary does not count either way.
     */
    static List<PrimaryTumour> settleRecordedOnly(List<PrimaryTumour> primaries, List<TnmCategory> staging,
                                                  List<ReceptorStatus> receptors, List<MappingNote> notes) {
        Optional<LocalDate> diagnostic = ClinicalInterpreter.earliest(Stream.concat(staging.stream().map(TnmCategory::date),
                receptors.stream().map(ReceptorStatus::date)));
        List<PrimaryTumour> settled = new ArrayList<>();
        for (PrimaryTumour p : primaries) {
            if (p.dateBasis() != DateBasis.RECORDED_ONLY) {
                settled.add(p);
            } else if (diagnostic.isPresent() && diagnostic.get().isBefore(p.diagnosed())) {
                settled.add(with(p, diagnostic.get(), DateBasis.INFERRED));
                notes.add(new MappingNote("dates", "The primary breast cancer has no onset, only the date it was recorded ("
                        + p.diagnosed() + "): taken as diagnosed on " + diagnostic.get()
                        + ", the date of its earliest staging or tumour marker.", List.of(p.sourceId())));
            } else {
                settled.add(with(p, p.diagnosed(), DateBasis.RECORDED));
            }
        }
        return settled;
    }

    /** Each undated primary takes the date of the earliest related record; sorted by diagnosis, undated last. */
    static List<PrimaryTumour> dateUndated(List<PrimaryTumour> primaries, List<TnmCategory> staging,
                                           List<ReceptorStatus> receptors, List<ProcedureDone> procedures,
                                           List<SystemicTherapy> therapies, List<MappingNote> notes) {
        Optional<LocalDate> related = ClinicalInterpreter.earliest(Stream.of(
                staging.stream().map(TnmCategory::date), receptors.stream().map(ReceptorStatus::date),
                procedures.stream().map(ProcedureDone::date), therapies.stream().map(SystemicTherapy::start))
                .flatMap(Function.identity()));
        List<PrimaryTumour> dated = new ArrayList<>();
        for (PrimaryTumour p : primaries) {
            if (p.diagnosed() == null && related.isPresent()) {
                dated.add(with(p, related.get(), DateBasis.INFERRED));
                notes.add(new MappingNote("dates", "The primary has no diagnosis date: taken as " + related.get()
                        + ", the date of its earliest related record.", List.of(p.sourceId())));
            } else {
                dated.add(p);
            }
        }
        dated.sort(Comparator.comparing(PrimaryTumour::diagnosed, Comparator.nullsLast(Comparator.naturalOrder())));
        return dated;
    }

    private static PrimaryTumour with(PrimaryTumour p, LocalDate date, DateBasis basis) {
        return new PrimaryTumour(p.sourceId(), p.code(), p.display(), date, basis, p.laterality());
    }

    private PrimaryDates() {
    }
}
