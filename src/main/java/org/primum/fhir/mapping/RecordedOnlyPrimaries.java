package org.primum.fhir.mapping;

import org.primum.facts.ClinicalRecord;
import org.primum.facts.DateBasis;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.TnmCategory;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Primaries dated only by {@code Condition.recordedDate}, settled once the staging and tumour markers are read.
 * recordedDate is when the Condition was entered (an EHR problem list often enters it weeks or months after the
 * diagnosis), so it is an upper bound of the diagnosis, not the diagnosis: a staging or a receptor result of the
 * cancer dated earlier shows the cancer was diagnosed by then (catalogue "undated records": the primary takes the
 * date of its earliest related record). Taking the recorded date instead would start the de novo window late and
 * turn every therapy started before it into "history", stopping the clock on therapy. Only the diagnostic records
 * (staging, markers) move the date: a therapy or an operation may treat an earlier disease.
 */
final class RecordedOnlyPrimaries {
    private final Set<String> ids = new HashSet<>();

    /** The primary {@code sourceId} has no onset, only a recorded date. */
    void add(String sourceId) {
        ids.add(sourceId);
    }

    /** Moves each such primary to the date of its earliest staging or marker, when that is earlier (with a note). */
    void settle(ClinicalRecord.Builder out, Report report) {
        if (ids.isEmpty()) return;
        Optional<LocalDate> earliest = Stream.concat(out.staging.stream().map(TnmCategory::date), out.receptors.stream().map(ReceptorStatus::date))
                .filter(Objects::nonNull).min(LocalDate::compareTo);
        if (earliest.isEmpty()) return;
        LocalDate first = earliest.get();
        for (int i = 0; i < out.primaries.size(); i++) {
            PrimaryTumour p = out.primaries.get(i);
            if (!ids.contains(p.sourceId()) || p.diagnosed() == null || !first.isBefore(p.diagnosed())) continue;
            out.primaries.set(i, new PrimaryTumour(p.sourceId(), p.code(), p.display(), first, DateBasis.INFERRED, p.laterality()));
            report.note("dates", "The primary breast cancer has no onset, only the date it was recorded (" + p.diagnosed()
                    + "): taken as diagnosed on " + first + ", the date of its earliest staging or tumour marker.", p.sourceId());
        }
    }
}
