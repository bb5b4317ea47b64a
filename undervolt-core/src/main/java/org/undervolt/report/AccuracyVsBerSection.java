package org.undervolt.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Accuracy versus bit error rate on a log axis: for each curve (e.g. without and with retraining) the
 * mean over trials with its 95% confidence band (Student's t), the worst trial dotted, the
 * error-free baseline, the acceptance threshold and the tolerable BER; then the numbers in a table.
 */
public final class AccuracyVsBerSection extends FigureSection {

    /** A named accuracy curve. */
    public record Curve(String name, List<AccuracyPoint> points) {
        public Curve {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("curve " + name + " has no points");
            }
        }
    }

    static final String[] COLORS = {"#1f5fa8", "#c2410c", "#15803d", "#7c3aed"};

    private final List<Curve> curves;
    private final double baseline;
    private final double threshold;
    private final OptionalDouble tolerableBer;

    public AccuracyVsBerSection(String id, String title, List<Curve> curves, double baseline, double threshold,
            OptionalDouble tolerableBer) {
        super(id, title, null);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no curves");
        }
        this.curves = List.copyOf(curves);
        this.baseline = baseline;
        this.threshold = threshold;
        this.tolerableBer = tolerableBer;
    }

    @Override
    public String svg() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double yMin = Math.min(baseline, threshold);
        for (Curve c : curves) {
            for (AccuracyPoint p : c.points()) {
                lo = Math.min(lo, p.ber());
                hi = Math.max(hi, p.ber());
                yMin = Math.min(yMin, Math.min(p.min(), p.mean() - p.ci95HalfWidth()));
            }
        }
        Scale y = Scale.linear(Math.max(0, Math.floor(yMin * 10 - 1e-9) / 10), 1.0);
        SvgPlot plot = new SvgPlot(title(), "bit error rate (log scale)", Scale.logDecadesAround(lo, hi),
                "accuracy", y);
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            String color = COLORS[k % COLORS.length];
            int n = c.points().size();
            double[] ber = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            double[] min = new double[n];
            for (int i = 0; i < n; i++) {
                AccuracyPoint p = c.points().get(i);
                ber[i] = p.ber();
                mean[i] = p.mean();
                low[i] = Math.max(0, p.mean() - p.ci95HalfWidth());
                high[i] = Math.min(1, p.mean() + p.ci95HalfWidth());
                min[i] = p.min();
            }
            plot.band(c.name() + ": 95% CI", ber, low, high, color);
            plot.line(c.name() + ": mean", ber, mean, color, SvgPlot.Stroke.SOLID, true);
            plot.line(c.name() + ": worst trial", ber, min, color, SvgPlot.Stroke.DOTTED, false);
        }
        plot.horizontal("error-free baseline", baseline, "#374151", SvgPlot.Stroke.SOLID);
        plot.horizontal("baseline − delta", threshold, "#b91c1c", SvgPlot.Stroke.DASHED);
        if (tolerableBer.isPresent()) {
            plot.vertical("tolerable BER", tolerableBer.getAsDouble(), "#15803d", SvgPlot.Stroke.DASHED);
        }
        return plot.svg();
    }

    @Override
    void body(Html h) {
        h.element("p", "Shaded: 95% confidence interval of the mean over trials (Student's t). Dotted: the worst "
                + "trial. Tolerable BER: the largest grid BER whose mean accuracy stays at or above baseline − delta.",
                "class", "note");
        for (Curve c : curves) {
            if (curves.size() > 1) {
                h.element("h3", c.name());
            }
            h.open("table").open("tr");
            for (String col : new String[] {"BER", "mean", "95% CI", "worst", "best", "trials"}) {
                h.element("th", col, "class", "num");
            }
            h.close("tr");
            for (AccuracyPoint p : c.points()) {
                h.open("tr");
                num(h, String.format(Locale.ROOT, "%.3g", p.ber()));
                num(h, String.format(Locale.ROOT, "%.4f", p.mean()));
                num(h, String.format(Locale.ROOT, "± %.4f", p.ci95HalfWidth()));
                num(h, String.format(Locale.ROOT, "%.4f", p.min()));
                num(h, String.format(Locale.ROOT, "%.4f", p.max()));
                num(h, String.valueOf(p.trials()));
                h.close("tr");
            }
            h.close("table");
        }
    }

    private static void num(Html h, String s) {
        h.element("td", s, "class", "num");
    }
}
