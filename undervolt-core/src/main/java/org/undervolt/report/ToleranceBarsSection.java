package org.undervolt.report;

import java.util.List;
import java.util.Locale;

/**
 * Tolerable bit error rate per site (layer × data type, or per network) as horizontal bars on a log
 * axis, with a table of the values; a site that tolerates no BER on the searched grid is shown as such.
 */
public final class ToleranceBarsSection extends FigureSection {

    /** One bar: its label, tolerable BER (0 = none found) and an optional remark. */
    public record Bar(String label, double ber, String remark) {
    }

    private static final int LABEL = 220;
    private static final int ROW = 30;

    private final List<Bar> bars;
    private final double floor;

    /** @param floor the smallest BER on the axis (the search grid's lowest) */
    public ToleranceBarsSection(String id, String title, List<Bar> bars, double floor, String note) {
        super(id, title, note);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no tolerance bars");
        }
        this.bars = List.copyOf(bars);
        this.floor = floor;
    }

    @Override
    public String svg() {
        double lo = Math.floor(Math.log10(floor));
        double hi = 0;
        for (Bar b : bars) {
            if (b.ber() > 0) {
                hi = Math.max(hi, Math.ceil(Math.log10(b.ber())));
            }
        }
        hi = Math.max(hi, lo + 1);
        int span = WIDTH - LABEL - 120;
        int height = 36 + ROW * bars.size();
        Html h = openSvg("uv-tolerance", height, title());
        for (int d = (int) lo; d <= (int) hi; d++) {
            double x = LABEL + span * (d - lo) / (hi - lo);
            h.raw(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"4\" x2=\"%.2f\" y2=\"%d\" stroke=\"#d9dde4\"/>", x, x,
                    height - 24));
            h.element("text", "1e" + d, "x", String.format(Locale.ROOT, "%.2f", x - 12), "y", String.valueOf(height - 8),
                    "font-size", "11", "fill", "#5b6474");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            barLabel(h, b.label(), y + 18);
            double w = b.ber() > 0 ? span * Math.max(0, Math.log10(b.ber()) - lo) / (hi - lo) : 0;
            bar(h, "ber", b.ber(), LABEL, y + 4, w, 20, b.label().endsWith("ifm") ? "#c2410c" : "#1f5fa8", null);
            barValue(h, b.ber() > 0 ? String.format(Locale.ROOT, "%.2e", b.ber()) : "none on the grid", LABEL + w + 8, y + 18, 12);
        }
        h.close("svg");
        return h.toString();
    }

    @Override
    void body(Html h) {
        h.open("table").open("tr").element("th", "site").element("th", "tolerable BER", "class", "num")
                .element("th", "").close("tr");
        for (Bar b : bars) {
            h.open("tr").element("td", b.label())
                    .element("td", b.ber() > 0 ? String.format(Locale.ROOT, "%.3e", b.ber()) : "none", "class", "num")
                    .element("td", b.remark() == null ? "" : b.remark()).close("tr");
        }
        h.close("table");
    }
}
