package org.primum.definitions;

import org.primum.facts.DrugClass;
import org.primum.facts.SystemicTherapy;
import org.primum.facts.TherapyExposure;
import org.primum.facts.TherapyHistory;
import org.primum.facts.Thresholds;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's "weeks on systemic therapy": which therapies are for this cancer (started no earlier than
 * {@code therapyHistoryMarginDays} before the primary's diagnosis; an undated one is taken as for this
 * cancer), the earliest known start, and whether the weeks are unknown (a therapy for this cancer without a
 * start while the known starts give fewer than the response window). Unknown weeks fail safe: the window
 * counts as not yet passed.
 */
final class TherapyClock {
    private final Thresholds thresholds;

    TherapyClock(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Started more than the margin before the diagnosis: the treatment of an earlier disease. */
    boolean history(SystemicTherapy t, LocalDate primaryDiagnosed) {
        return primaryDiagnosed != null && t.start() != null
                && t.start().isBefore(primaryDiagnosed.minusDays(thresholds.therapyHistoryMarginDays()));
    }

    TherapyHistory historyOf(List<SystemicTherapy> earlier) {
        if (earlier.isEmpty()) return null;
        LocalDate last = earlier.stream().map(SystemicTherapy::start).max(Comparator.naturalOrder()).orElse(null);
        return new TherapyHistory(earlier.stream().map(SystemicTherapy::drug).distinct().toList(), last,
                earlier.stream().map(SystemicTherapy::sourceId).distinct().toList());
    }

    TherapyExposure exposure(List<SystemicTherapy> current, LocalDate asOf) {
        if (current.isEmpty()) return null;
        LocalDate first = current.stream().map(SystemicTherapy::start).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Long weeks = first == null ? null : ChronoUnit.WEEKS.between(first, asOf);
        boolean undated = current.stream().anyMatch(t -> t.start() == null);
        // an undated therapy may have started at any time: only known starts already past the window settle it
        boolean startUnknown = undated && (weeks == null || weeks < thresholds.responseWindowMinWeeks());
        List<String> drugs = current.stream().map(SystemicTherapy::drug).distinct().toList();
        List<DrugClass> classes = current.stream().map(SystemicTherapy::drugClass).distinct().toList();
        return new TherapyExposure(first, startUnknown ? null : weeks, startUnknown, drugs, classes,
                current.stream().map(SystemicTherapy::sourceId).distinct().toList());
    }
}
