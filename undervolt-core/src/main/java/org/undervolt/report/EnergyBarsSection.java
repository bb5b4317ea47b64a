package org.undervolt.report;

import java.util.List;
import java.util.Locale;

/**
 * DRAM energy at several operating points (nominal and chosen voltage, or a voltage sweep) as
 * horizontal SVG bars, each labelled with its voltage, energy and saving against the first bar.
 */
public final class EnergyBarsSection implements ReportSection {

    /** One operating point. */
    public record Bar(String label, double vdd, double joules) {
    }

    private static final int WIDTH = 960;
    private static final int ROW = 46;
    private static final int LABEL = 250;

    private final String id;
    private final String title;
    private final List<Bar> bars;
    private final String note;

    public EnergyBarsSection(String id, String title, List<Bar> bars, String note) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no energy bars");
        }
        this.id = id;
        this.title = title;
        this.bars = List.copyOf(bars);
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

    /** Human units: nJ, µJ, mJ or J. */
    static String joules(double j) {
        double a = Math.abs(j);
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3g J", j);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g mJ", j * 1e3);
        }
        if (a >= 1e-6) {
            return String.format(Locale.ROOT, "%.3g µJ", j * 1e6);
        }
        return String.format(Locale.ROOT, "%.3g nJ", j * 1e9);
    }

    public String svg() {
        double max = bars.stream().mapToDouble(Bar::joules).max().orElse(1);
        int height = 16 + ROW * bars.size();
        Html h = new Html();
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "uv-plot uv-bars", "viewBox",
                "0 0 " + WIDTH + " " + height, "width", String.valueOf(WIDTH), "height", String.valueOf(height),
                "role", "img", "aria-label", title);
        h.element("title", title);
        double ref = bars.get(0).joules();
        int span = WIDTH - LABEL - 230;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 8 + i * ROW;
            double w = max > 0 ? span * b.joules() / max : 0;
            String color = i == 0 ? "#9ca3af" : AccuracyVsBerSection.COLORS[(i - 1) % AccuracyVsBerSection.COLORS.length];
            h.element("text", b.label() + String.format(Locale.ROOT, " (%.3f V)", b.vdd()), "x", "0", "y",
                    String.valueOf(y + 24), "font-size", "13", "fill", "#1d2330");
            h.raw(String.format(Locale.ROOT, "<rect class=\"uv-bar\" data-joules=\"%s\" x=\"%d\" y=\"%d\" "
                    + "width=\"%.2f\" height=\"30\" fill=\"%s\"/>", b.joules(), LABEL, y + 4, w, color));
            String value = joules(b.joules());
            if (i > 0 && ref > 0) {
                value += String.format(Locale.ROOT, "  (−%.1f%%)", 100 * (1 - b.joules() / ref));
            }
            h.element("text", value, "x", String.format(Locale.ROOT, "%.2f", LABEL + w + 10), "y",
                    String.valueOf(y + 24), "font-size", "13", "fill", "#1d2330");
        }
        h.close("svg");
        return h.toString();
    }

    @Override
    public void render(Html h) {
        h.raw(svg()).newline();
        if (note != null) {
            h.element("p", note, "class", "note");
        }
    }
}
