package org.primum.definitions;

import org.junit.jupiter.api.Test;
import org.primum.engine.ThresholdsFile;
import org.primum.facts.LesionMeasurement;
import org.primum.facts.Thresholds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalogue "distant progression" by growth: the latest size of a lesion against its nadir. */
class DistantGrowthTest {

    private static final Thresholds DEFAULTS = ThresholdsFile.read(Path.of("rules"));
    private static final LocalDate D = LocalDate.of(2024, 2, 1);
    private final DistantGrowth growth = new DistantGrowth(DEFAULTS);

    private static LesionMeasurement size(String id, String lesion, double mm, LocalDate date) {
        return new LesionMeasurement("Observation/" + id, lesion, "liver", mm, date);
    }

    @Test
    void twentyPercentAboveTheNadirIsGrowthDatedAtTheLatestCitingBoth() {
        var g = growth.latest(List.of(size("a", "L1", 20, D), size("b", "L1", 24, D.plusWeeks(14)))).orElseThrow();
        assertThat(g.date()).isEqualTo(D.plusWeeks(14));
        assertThat(g.sourceIds()).containsExactly("Observation/a", "Observation/b");
        assertThat(growth.latest(List.of(size("a", "L1", 20, D), size("b", "L1", 23.9, D.plusWeeks(14))))).isEmpty();
    }

    @Test
    void theNadirNotTheBaselineIsTheReference() {
        // 30 → 20 → 25: 25 % above the nadir, though smaller than the baseline (RECIST)
        var g = growth.latest(List.of(size("a", "L1", 30, D), size("b", "L1", 20, D.plusWeeks(8)), size("c", "L1", 25, D.plusWeeks(16))));
        assertThat(g).hasValueSatisfying(x -> assertThat(x.sourceIds()).containsExactly("Observation/b", "Observation/c"));
    }

    @Test
    void onlyTheLatestMeasurementCounts() {
        // grew at week 8, back to 21 mm at week 16: no progression now
        assertThat(growth.latest(List.of(size("a", "L1", 20, D), size("b", "L1", 26, D.plusWeeks(8)), size("c", "L1", 21, D.plusWeeks(16))))).isEmpty();
    }

    @Test
    void lesionsAreComparedWithThemselvesOnly() {
        assertThat(growth.latest(List.of(size("a", "L1", 20, D), size("b", "L2", 30, D.plusWeeks(14))))).isEmpty();
    }

    @Test
    void undatedMeasurementsAreNotCompared() {
        assertThat(growth.latest(List.of(size("a", "L1", 10, null), size("b", "L1", 30, D.plusWeeks(14))))).isEmpty();
    }

    @Test
    void twoSizesOnTheLatestDayTheLargestCounts() {
        var g = growth.latest(List.of(size("a", "L1", 20, D), size("b", "L1", 21, D.plusWeeks(14)), size("c", "L1", 25, D.plusWeeks(14))));
        assertThat(g).hasValueSatisfying(x -> assertThat(x.sourceIds()).containsExactly("Observation/a", "Observation/c"));
    }

    @Test
    void aLesionThatDisappearedAndCameBackHasProgressed() {
        assertThat(growth.latest(List.of(size("a", "L1", 0, D), size("b", "L1", 5, D.plusWeeks(14))))).isPresent();
        assertThat(growth.latest(List.of(size("a", "L1", 0, D), size("b", "L1", 0, D.plusWeeks(14))))).isEmpty();
    }

    @Test
    void theThresholdIsConfiguration() {
        var strict = new DistantGrowth(DEFAULTS.with(Map.of("progressionGrowthMinPercent", 30)));
        assertThat(strict.latest(List.of(size("a", "L1", 20, D), size("b", "L1", 25, D.plusWeeks(14))))).isEmpty();
    }
}
