package org.undervolt.report;

import java.util.List;
import java.util.Locale;

/**
 * Where the data lives: one column per DRAM region (an EDEN partition or SparkXD's reduced-voltage
 * module), headed by its operating point, holding a box per data item placed there (height by
 * bytes, on a square-root scale so small items stay visible); then the plan as a table.
 */
public final class PlacementMapSection extends FigureSection {

    /** A data item in a region: its bytes, the BER it tolerates and the BER of where it sits. */
    public record Item(String name, long bytes, double tolerableBer, double ber) {
    }

    /** A region: name, operating point text, items. */
    public record Region(String name, String operatingPoint, List<Item> items) {
        public Region {
            items = List.copyOf(items);
        }
    }

    private static final int HEAD = 44;
    private static final int BODY = 360;

    private final List<Region> regions;

    public PlacementMapSection(String id, String title, List<Region> regions, String note) {
        super(id, title, note);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no regions to map");
        }
        this.regions = List.copyOf(regions);
    }

    @Override
    public String svg() {
        double scale = 0;
        for (Region r : regions) {
            double s = r.items().stream().mapToDouble(i -> Math.sqrt(i.bytes())).sum();
            scale = Math.max(scale, s);
        }
        int cols = regions.size();
        double colW = (double) WIDTH / cols;
        int height = HEAD + BODY + 8;
        Html h = openSvg("uv-map", height, title());
        for (int c = 0; c < cols; c++) {
            Region r = regions.get(c);
            double x = c * colW + 4;
            double w = colW - 8;
            h.element("text", r.name(), "x", fmt(x), "y", "16", "font-size", "13", "font-weight", "600", "fill", "#1d2330");
            h.element("text", r.operatingPoint(), "x", fmt(x), "y", "34", "font-size", "11", "fill", "#5b6474");
            h.raw(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"#f3f4f6\" "
                    + "stroke=\"#d9dde4\"/>", x, HEAD, w, BODY));
            double y = HEAD;
            for (Item i : r.items()) {
                double ih = scale > 0 ? BODY * Math.sqrt(i.bytes()) / scale : 0;
                String color = i.name().endsWith(".ifm") ? "#c2410c" : i.name().endsWith(".weights") ? "#1f5fa8" : "#6b7280";
                h.raw(String.format(Locale.ROOT, "<rect class=\"uv-item\" data-bytes=\"%d\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                        + "height=\"%.2f\" fill=\"%s\" stroke=\"#fff\"><title>%s: %d B, tolerates %.2e, sits at %.2e</title></rect>",
                        i.bytes(), x, y, w, Math.max(ih, 1), color, Html.escape(i.name()), i.bytes(), i.tolerableBer(), i.ber()));
                if (ih >= 14) {
                    h.element("text", i.name(), "x", fmt(x + 4), "y", fmt(y + Math.min(ih, 28) / 2 + 5), "font-size", "11",
                            "fill", "#fff");
                }
                y += ih;
            }
        }
        h.close("svg");
        return h.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    void body(Html h) {
        h.open("table").open("tr");
        for (String c : new String[] {"item", "bytes", "tolerates BER", "placed in", "BER there"}) {
            h.element("th", c);
        }
        h.close("tr");
        for (Region r : regions) {
            for (Item i : r.items()) {
                h.open("tr").element("td", i.name()).element("td", String.valueOf(i.bytes()), "class", "num")
                        .element("td", String.format(Locale.ROOT, "%.2e", i.tolerableBer()), "class", "num")
                        .element("td", r.name()).element("td", String.format(Locale.ROOT, "%.2e", i.ber()), "class", "num")
                        .close("tr");
            }
        }
        h.close("table");
    }
}
