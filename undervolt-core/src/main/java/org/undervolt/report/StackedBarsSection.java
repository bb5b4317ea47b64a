package org.undervolt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Horizontal stacked bars: one bar per case (e.g. nominal and chosen settings), split into named
 * parts (e.g. DRAM energy by command: ACT, PRE, RD, WR), all on one scale, with a legend and the
 * numbers in a table below.
 */
public final class StackedBarsSection extends FigureSection {
    private static final String[] PARTS = {"#1f5fa8", "#ea580c", "#15803d", "#a78bfa", "#facc15", "#0e7490", "#be185d", "#4b5563"};
    private static final int LABEL = 200;
    private static final int ROW = 46;

    private final Map<String, Map<String, Double>> bars;
    private final String unit;

    /** @param bars case → part → value (insertion order is drawing order) */
    public StackedBarsSection(String id, String title, Map<String, Map<String, Double>> bars, String unit, String note) {
        super(id, title, note);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars");
        }
        this.bars = new LinkedHashMap<>(bars);
        this.unit = unit;
    }

    private List<String> parts() {
        Set<String> p = new LinkedHashSet<>();
        bars.values().forEach(m -> p.addAll(m.keySet()));
        return new ArrayList<>(p);
    }

    @Override
    public String svg() {
        List<String> parts = parts();
        double max = bars.values().stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum())
                .max().orElse(1);
        int height = 40 + ROW * bars.size();
        Html h = openSvg("uv-stacked", height, title());
        int span = WIDTH - LABEL - 140;
        int row = 0;
        for (var e : bars.entrySet()) {
            int y = 8 + row++ * ROW;
            barLabel(h, e.getKey(), y + 24);
            double x = LABEL;
            double total = 0;
            for (int k = 0; k < parts.size(); k++) {
                double v = e.getValue().getOrDefault(parts.get(k), 0.0);
                total += v;
                double w = max > 0 ? span * v / max : 0;
                bar(h, "value", v, x, y + 4, w, 30, PARTS[k % PARTS.length], parts.get(k) + ": " + format(v));
                x += w;
            }
            barValue(h, format(total), x + 10, y + 24, 13);
        }
        int ly = 8 + bars.size() * ROW + 14;
        int lx = LABEL;
        for (int k = 0; k < parts.size(); k++) {
            h.raw(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, ly - 10,
                    PARTS[k % PARTS.length]));
            h.element("text", parts.get(k), "x", String.valueOf(lx + 16), "y", String.valueOf(ly), "font-size", "12",
                    "fill", "#1d2330");
            lx += 24 + 8 * parts.get(k).length();
        }
        h.close("svg");
        return h.toString();
    }

    private String format(double v) {
        return unit.equals("J") ? EnergyBarsSection.joules(v) : String.format(Locale.ROOT, "%.4g %s", v, unit);
    }

    @Override
    void body(Html h) {
        List<String> parts = parts();
        h.open("table").open("tr").element("th", "");
        parts.forEach(p -> h.element("th", p, "class", "num"));
        h.element("th", "total", "class", "num").close("tr");
        for (var e : bars.entrySet()) {
            h.open("tr").element("td", e.getKey());
            double total = 0;
            for (String p : parts) {
                double v = e.getValue().getOrDefault(p, 0.0);
                total += v;
                h.element("td", format(v), "class", "num");
            }
            h.element("td", format(total), "class", "num").close("tr");
        }
        h.close("table");
    }
}
