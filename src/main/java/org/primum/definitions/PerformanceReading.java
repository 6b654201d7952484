package org.primum.definitions;

import org.primum.facts.PerformanceScale;
import org.primum.facts.PerformanceStatus;
import org.primum.facts.Thresholds;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The performance status that counts ("several results": the latest on or before asOf, whatever its scale; undated
 * ones only when none is dated). Results of one date that disagree are not settled by the order of the records:
 * a poor one (ECOG at or above {@code poorEcogMin}, Karnofsky at or below {@code poorKarnofskyMax}) stands, so the
 * caution against surgery (POOR_PERFORMANCE_STATUS) is not lost to a contradiction.
 */
final class PerformanceReading {

    static Optional<PerformanceStatus> current(List<PerformanceStatus> results, Thresholds thresholds) {
        Comparator<PerformanceStatus> byDate = Comparator.comparing(PerformanceStatus::date, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<PerformanceStatus> poorLast = Comparator.comparing(p -> poor(p, thresholds));
        // equals (both poor, or neither) keep the first recorded, as before: the shown result stays the same
        return results.stream().max(byDate.thenComparing(poorLast));
    }

    static boolean poor(PerformanceStatus p, Thresholds thresholds) {
        return p.scale() == PerformanceScale.ECOG ? p.score() >= thresholds.poorEcogMin() : p.score() <= thresholds.poorKarnofskyMax();
    }

    private PerformanceReading() {
    }
}
