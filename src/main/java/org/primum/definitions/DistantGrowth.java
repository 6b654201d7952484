package org.primum.definitions;

import org.primum.facts.LesionMeasurement;
import org.primum.facts.Thresholds;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Distant progression by growth (catalogue "distant progression": "≥20% growth in longest diameter of an existing
 * site", 002 METHODS): a distant lesion whose latest measurement is at least {@code progressionGrowthMinPercent}
 * larger than its smallest earlier one (the nadir, baseline included, as RECIST 1.1 measures progression). Only
 * the latest measurement of a lesion counts: a lesion that grew and then shrank below the threshold has not
 * progressed. Undated measurements cannot be ordered and are not compared. Several measurements of one lesion on
 * the latest day: the largest (fail safe).
 */
final class DistantGrowth {

    /** A lesion that grew: its nadir and the latest measurement (dated, the date of the progression). */
    record Growth(LesionMeasurement nadir, LesionMeasurement latest) {
        LocalDate date() { return latest.date(); }

        List<String> sourceIds() { return List.of(nadir.sourceId(), latest.sourceId()); }

        String describe() {
            String growth = nadir.longestMm() == 0 ? "reappeared"
                    : "+" + Math.round((latest.longestMm() / nadir.longestMm() - 1) * 100) + " %";
            return "growth of a distant lesion" + (latest.site() == null ? "" : " (" + latest.site() + ")") + " from "
                    + mm(nadir.longestMm()) + " mm (" + nadir.date() + ") to " + mm(latest.longestMm()) + " mm (" + growth + ")";
        }

        private static String mm(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    private final Thresholds thresholds;

    DistantGrowth(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The latest growth among the lesions measured (on or before the evaluation date: the caller cuts), if any. */
    Optional<Growth> latest(List<LesionMeasurement> measurements) {
        Map<String, List<LesionMeasurement>> byLesion = measurements.stream()
                .filter(m -> m.date() != null)
                .collect(Collectors.groupingBy(LesionMeasurement::lesionKey, TreeMap::new, Collectors.toList()));
        return byLesion.values().stream().map(this::growth).flatMap(Optional::stream)
                .max(Comparator.comparing(Growth::date).thenComparing(g -> g.latest().sourceId()));
    }

    private Optional<Growth> growth(List<LesionMeasurement> lesion) {
        LesionMeasurement latest = lesion.stream()
                .max(Comparator.comparing(LesionMeasurement::date).thenComparingDouble(LesionMeasurement::longestMm)).orElseThrow();
        Optional<LesionMeasurement> nadir = lesion.stream().filter(m -> m.date().isBefore(latest.date()))
                .min(Comparator.comparingDouble(LesionMeasurement::longestMm));
        // a lesion measured 0 mm (disappeared) that is measurable again has reappeared: progression (RECIST), fail safe
        return nadir.filter(n -> latest.longestMm() > 0
                        && latest.longestMm() * 100 >= n.longestMm() * (100 + thresholds.progressionGrowthMinPercent()))
                .map(n -> new Growth(n, latest));
    }
}
