package org.primum.tumourboard.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forest plot of the hazard ratios behind one recommendation, as SVG geometry (the template only
 * draws it): one row per cited figure, the point and its confidence interval on a log axis, a line
 * at 1 (no difference). Both sides of the evidence are rows: {@code contrary} rows are drawn hollow.
 * A ratio below 1 favours the compared treatment (locoregional therapy, free margins, radiotherapy:
 * each row names its comparison in {@code endpoint}).
 *
 * @param code  the catalogue code of the recommendation
 * @param title the recommendation's title
 * @param rows  the figures, in the order the rule cites them
 * @param ticks the axis labels
 */
public record ForestPlot(String code, String title, List<Row> rows, List<Tick> ticks, int width, int height, double plotLeft,
                         double plotRight, double axisY, double oneX) {

    /** Width of the SVG in user units; the page scales it to the column. */
    static final int WIDTH = 760;
    static final double PLOT_LEFT = 290;
    static final double PLOT_RIGHT = 530;
    static final int ROW_HEIGHT = 34;
    static final int TOP = 16;
    static final int AXIS_SPACE = 44;
    private static final double[] TICK_VALUES = {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20};

    /**
     * One figure. {@code x*}: the point and interval ends in SVG units; {@code lowClipped} /
     * {@code highClipped} when the interval runs off the axis (drawn as an arrow).
     */
    public record Row(String citationId, String study, String endpoint, String figure, String side, Integer n, double value,
                      Double ciLow, Double ciHigh, Integer ciLevel, double y, double x, Double xLow, Double xHigh,
                      boolean lowClipped, boolean highClipped) {
        public boolean contrary() {
            return "contrary".equals(side);
        }

        /** "HR 1.11 (90% CI 0.82–1.52)" or "HR 0.69 (no CI reported)"; drawn right of the plot, within the SVG's width. */
        public String estimate() {
            return "HR " + twoDecimals(value) + (ciLow == null ? " (no CI reported)"
                    : " (" + ciLevel + "% CI " + twoDecimals(ciLow) + "–" + twoDecimals(ciHigh) + ")");
        }

        /** The marker's corner: a 10-unit square centred on the point. */
        public double boxX() {
            return x - 5;
        }

        public double boxY() {
            return y - 5;
        }

        public double labelY() {
            return y - 3;
        }

        public double subLabelY() {
            return y + 11;
        }

        /** An arrow head where the interval runs off the axis, as SVG polygon points (empty if it does not). */
        public String lowArrow() {
            return lowClipped && xLow != null ? (xLow - 6) + "," + y + " " + xLow + "," + (y - 4) + " " + xLow + "," + (y + 4) : "";
        }

        public String highArrow() {
            return highClipped && xHigh != null ? (xHigh + 6) + "," + y + " " + xHigh + "," + (y - 4) + " " + xHigh + "," + (y + 4) : "";
        }

        /** "n = 256" or "n not reported". */
        public String patients() {
            return n == null ? "n not reported" : "n = " + n;
        }
    }

    public record Tick(String label, double x) {
    }

    /** Where the rows start and the axis labels sit, for the template. */
    public double top() {
        return TOP - 6;
    }

    public double tickEndY() {
        return axisY + 5;
    }

    public double tickY() {
        return axisY + 16;
    }

    public double captionY() {
        return axisY + 36;
    }

    public double estimateX() {
        return plotRight + 14;
    }

    /** The input of one row, before layout. */
    public record Figure(String citationId, String study, String endpoint, String figure, String side, Integer n, double value,
                         Double ciLow, Double ciHigh, Integer ciLevel) {
    }

    /** Lays out {@code figures} (at least one) on an axis wide enough for every point and, within 0.05–20, every interval. */
    public static ForestPlot of(String code, String title, List<Figure> figures) {
        if (figures.isEmpty()) throw new IllegalArgumentException("a forest plot needs at least one figure");
        double min = 1, max = 1;
        for (Figure f : figures) {
            min = Math.min(min, f.ciLow() != null ? f.ciLow() : f.value());
            max = Math.max(max, f.ciHigh() != null ? f.ciHigh() : f.value());
        }
        // axis ends on the tick values around the data, never beyond 0.05–20 (a wider interval is an arrow)
        double lo = TICK_VALUES[0], hi = TICK_VALUES[TICK_VALUES.length - 1];
        for (double t : TICK_VALUES) if (t <= min) lo = t;
        for (int i = TICK_VALUES.length - 1; i >= 0; i--) if (TICK_VALUES[i] >= max) hi = TICK_VALUES[i];
        Scale scale = new Scale(Math.log(lo), Math.log(hi));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double y = TOP + ROW_HEIGHT * i + ROW_HEIGHT / 2.0;
            Double xLow = null, xHigh = null;
            boolean lowClipped = false, highClipped = false;
            if (f.ciLow() != null) {
                lowClipped = f.ciLow() < lo;
                highClipped = f.ciHigh() > hi;
                xLow = scale.x(Math.max(f.ciLow(), lo));
                xHigh = scale.x(Math.min(f.ciHigh(), hi));
            }
            rows.add(new Row(f.citationId(), f.study(), f.endpoint(), f.figure(), f.side(), f.n(), f.value(), f.ciLow(), f.ciHigh(),
                    f.ciLevel(), y, scale.x(Math.min(Math.max(f.value(), lo), hi)), xLow, xHigh, lowClipped, highClipped));
        }
        List<Tick> ticks = new ArrayList<>();
        for (double t : TICK_VALUES) if (t >= lo && t <= hi) ticks.add(new Tick(number(t), scale.x(t)));
        double axisY = TOP + ROW_HEIGHT * figures.size() + 6;
        return new ForestPlot(code, title, List.copyOf(rows), List.copyOf(ticks), WIDTH, (int) Math.ceil(axisY + AXIS_SPACE),
                PLOT_LEFT, PLOT_RIGHT, axisY, scale.x(1));
    }

    /** Log scale from the axis ends onto [PLOT_LEFT, PLOT_RIGHT]. */
    private record Scale(double logLo, double logHi) {
        double x(double value) {
            return round(PLOT_LEFT + (Math.log(value) - logLo) / (logHi - logLo) * (PLOT_RIGHT - PLOT_LEFT));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Estimates as the trials report them: two decimals (0.40, 1.11, 10.12). */
    static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Axis labels: 0.2, 0.5, 1, 2 — no trailing zeros. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
