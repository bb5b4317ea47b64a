package org.undervolt.report;

import org.undervolt.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy versus bit error rate (log axis): mean and minimum over trials, the error-free baseline,
 * the acceptance threshold and the tolerable BER.
 */
public final class AccuracyCurvePlot {
    private final String title;
    private final List<AccuracyPoint> curve;
    private final double baseline;
    private final double threshold;
    private final OptionalDouble tolerableBer;

    public AccuracyCurvePlot(String title, List<AccuracyPoint> curve, double baseline, double threshold,
            OptionalDouble tolerableBer) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: empty curve");
        }
        this.title = title;
        this.curve = List.copyOf(curve);
        this.baseline = baseline;
        this.threshold = threshold;
        this.tolerableBer = tolerableBer;
    }

    /** Renders the chart as PNG bytes (headless). */
    public byte[] png() {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(960).height(600).title(title)
                .xAxisTitle("bit error rate").yAxisTitle("test accuracy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisMax(1.0);

        int n = curve.size();
        double[] ber = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        for (int i = 0; i < n; i++) {
            ber[i] = curve.get(i).ber();
            mean[i] = curve.get(i).mean();
            min[i] = curve.get(i).min();
        }
        chart.addSeries("mean accuracy", ber, mean).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("min accuracy", ber, min).setMarker(SeriesMarkers.DIAMOND);
        double[] ends = {ber[0], ber[n - 1]};
        chart.addSeries("error-free baseline", ends, new double[] {baseline, baseline})
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("baseline - delta", ends, new double[] {threshold, threshold})
                .setMarker(SeriesMarkers.NONE);
        if (tolerableBer.isPresent()) {
            double t = tolerableBer.getAsDouble();
            double low = Math.max(0, Math.min(min[0], threshold) - 0.05);
            XYSeries s = chart.addSeries("tolerable BER", new double[] {t, t}, new double[] {low, 1.0});
            s.setMarker(SeriesMarkers.NONE);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render plot: " + e.getMessage(), e);
        }
    }

    public void writePng(Path target) {
        AtomicFiles.write(target, png());
    }
}
