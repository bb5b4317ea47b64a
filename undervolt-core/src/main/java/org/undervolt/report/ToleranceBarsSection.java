package org.undervolt.report;

import java.util.List;
import java.util.Locale;

/**
 * Tolerable bit error rate per site (layer × data type, or per network) as horizontal bars on a log
 * axis, with a table of the values; a site that tolerates no BER on the searched grid is shown as such.
 */
public final class ToleranceBarsSection implements ReportSection {

    /** One bar: its label, tolerable BER (0 = none found) and an optional remark. */
    public record Bar(String label, double ber, String remark) {
    }

    private static final int WIDTH = 960;
    private static final int LABEL = 220;
    private static final int ROW = 30;

    private final String id;
    private final String title;
    private final List<Bar> bars;
    private final double floor;
    private final String note;

    /** @param floor the smallest BER on the axis (the search grid's lowest) */
    public ToleranceBarsSection(String id, String title, List<Bar> bars, double floor, String note) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no tolerance bars");
        }
        this.id = id;
        this.title = title;
        this.bars = List.copyOf(bars);
        this.floor = floor;
        this.note = note;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

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
        Html h = new Html();
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "uv-plot uv-tolerance", "viewBox",
                "0 0 " + WIDTH + " " + height, "width", String.valueOf(WIDTH), "height", String.valueOf(height),
                "role", "img", "aria-label", title);
        h.element("title", title);
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
            h.element("text", b.label(), "x", "0", "y", String.valueOf(y + 18), "font-size", "13", "fill", "#1d2330");
            double w = b.ber() > 0 ? span * Math.max(0, Math.log10(b.ber()) - lo) / (hi - lo) : 0;
            h.raw(String.format(Locale.ROOT, "<rect class=\"uv-bar\" data-ber=\"%s\" x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"20\" "
                    + "fill=\"%s\"/>", b.ber(), LABEL, y + 4, w, b.label().endsWith("ifm") ? "#c2410c" : "#1f5fa8"));
            h.element("text", b.ber() > 0 ? String.format(Locale.ROOT, "%.2e", b.ber()) : "none on the grid", "x",
                    String.format(Locale.ROOT, "%.2f", LABEL + w + 8), "y", String.valueOf(y + 18), "font-size", "12",
                    "fill", "#1d2330");
        }
        h.close("svg");
        return h.toString();
    }

    @Override
    public void render(Html h) {
        h.raw(svg()).newline();
        h.open("table").open("tr").element("th", "site").element("th", "tolerable BER", "class", "num")
                .element("th", "").close("tr");
        for (Bar b : bars) {
            h.open("tr").element("td", b.label())
                    .element("td", b.ber() > 0 ? String.format(Locale.ROOT, "%.3e", b.ber()) : "none", "class", "num")
                    .element("td", b.remark() == null ? "" : b.remark()).close("tr");
        }
        h.close("table");
        if (note != null) {
            h.element("p", note, "class", "note");
        }
    }
}
