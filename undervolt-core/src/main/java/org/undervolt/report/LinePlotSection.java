package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One or more series on linear axes (e.g. DRAM energy versus supply voltage), with an optional
 * vertical marker (the chosen voltage) and a note; drawn by {@link SvgPlot}.
 */
public final class LinePlotSection extends FigureSection {

    /** A named series; {@code dashed} draws it dashed (e.g. the settings the network does not tolerate). */
    public record Series(String name, double[] xs, double[] ys, boolean dashed) {
        public Series {
            if (xs.length != ys.length || xs.length == 0) {
                throw new IllegalArgumentException("series " + name + ": " + xs.length + " x and " + ys.length + " y values");
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final double marker;
    private final String markerName;

    /** @param marker x of a vertical marker, or NaN for none */
    public LinePlotSection(String id, String title, String xLabel, String yLabel, List<Series> series, double marker,
            String markerName, String note) {
        super(id, title, note);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no series");
        }
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = new ArrayList<>(series);
        this.marker = marker;
        this.markerName = markerName;
    }

    @Override
    public String svg() {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yHi = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                xLo = Math.min(xLo, s.xs()[i]);
                xHi = Math.max(xHi, s.xs()[i]);
                yHi = Math.max(yHi, s.ys()[i]);
            }
        }
        if (!Double.isNaN(marker)) {
            xLo = Math.min(xLo, marker);
            xHi = Math.max(xHi, marker);
        }
        if (!(xHi > xLo)) {
            xLo -= 0.05;
            xHi += 0.05;
        }
        SvgPlot plot = new SvgPlot(title(), xLabel, Scale.linear(xLo, xHi), yLabel, Scale.linear(0, yHi > 0 ? yHi * 1.05 : 1));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            plot.line(s.name(), s.xs(), s.ys(), AccuracyVsBerSection.COLORS[k % AccuracyVsBerSection.COLORS.length],
                    s.dashed() ? SvgPlot.Stroke.DASHED : SvgPlot.Stroke.SOLID, true);
        }
        if (!Double.isNaN(marker)) {
            plot.vertical(markerName, marker, "#15803d", SvgPlot.Stroke.DASHED);
        }
        return plot.svg();
    }
}
