package org.primum.tumourboard.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForestPlotTest {

    static ForestPlot.Figure figure(String id, String side, double value, Double low, Double high) {
        return new ForestPlot.Figure(id, "Study " + id, "overall survival", "HR " + value, side, null, value, low, high,
                low == null ? null : 95);
    }

    @Test
    void pointsSitOnALogAxisAroundTheLineAtOne() {
        ForestPlot plot = ForestPlot.of("X", "x", List.of(figure("a", "supporting", 0.5, 0.25, 1.0), figure("b", "contrary", 2.0, 1.0, 4.0)));
        ForestPlot.Row a = plot.rows().get(0), b = plot.rows().get(1);
        // log scale: 0.5 and 2 are equally far from 1, 0.25 twice as far
        assertThat(plot.oneX() - a.x()).isCloseTo(b.x() - plot.oneX(), within(0.2));
        assertThat(plot.oneX() - a.xLow()).isCloseTo(2 * (plot.oneX() - a.x()), within(0.3));
        assertThat(a.xHigh()).isCloseTo(plot.oneX(), within(0.1));
        assertThat(b.contrary()).isTrue();
        assertThat(a.y()).isLessThan(b.y());
        assertThat(plot.ticks()).extracting(ForestPlot.Tick::label).contains("0.2", "0.5", "1", "2", "5");
        assertThat(a.estimate()).isEqualTo("HR 0.50 (95% CI 0.25–1.00)");
    }

    @Test
    void intervalsBeyondTheAxisBecomeArrows() {
        ForestPlot plot = ForestPlot.of("X", "x", List.of(figure("a", "supporting", 3.0, 1.0, 40.0)));
        ForestPlot.Row a = plot.rows().get(0);
        assertThat(a.highClipped()).isTrue();
        assertThat(a.xHigh()).isEqualTo(plot.plotRight());
        assertThat(a.highArrow()).isNotEmpty();
        assertThat(a.lowArrow()).isEmpty();
    }

    @Test
    void aFigureWithoutIntervalIsAPointOnly() {
        ForestPlot.Row a = ForestPlot.of("X", "x", List.of(figure("a", "supporting", 0.69, null, null))).rows().get(0);
        assertThat(a.xLow()).isNull();
        assertThat(a.estimate()).isEqualTo("HR 0.69 (no CI reported)");
        assertThat(a.patients()).isEqualTo("n not reported");
    }
}
