package org.undervolt.report;

import java.util.List;
import java.util.Locale;

/**
 * DRAM energy at several operating points (nominal and chosen voltage, or a voltage sweep) as
 * horizontal SVG bars, each labelled with its voltage, energy and saving against the first bar.
 */
public final class EnergyBarsSection extends FigureSection {

    /** One operating point. */
    public record Bar(String label, double vdd, double joules) {
    }

    private static final int ROW = 46;
    private static final int LABEL = 250;

    private final List<Bar> bars;

    public EnergyBarsSection(String id, String title, List<Bar> bars, String note) {
        super(id, title, note);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no energy bars");
        }
        this.bars = List.copyOf(bars);
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

    @Override
    public String svg() {
        double max = bars.stream().mapToDouble(Bar::joules).max().orElse(1);
        Html h = openSvg("uv-bars", 16 + ROW * bars.size(), title());
        double ref = bars.get(0).joules();
        int span = WIDTH - LABEL - 230;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 8 + i * ROW;
            double w = max > 0 ? span * b.joules() / max : 0;
            String color = i == 0 ? "#9ca3af" : AccuracyVsBerSection.COLORS[(i - 1) % AccuracyVsBerSection.COLORS.length];
            barLabel(h, b.label() + String.format(Locale.ROOT, " (%.3f V)", b.vdd()), y + 24);
            bar(h, "joules", b.joules(), LABEL, y + 4, w, 30, color, null);
            String value = joules(b.joules());
            if (i > 0 && ref > 0) {
                value += String.format(Locale.ROOT, "  (−%.1f%%)", 100 * (1 - b.joules() / ref));
            }
            barValue(h, value, LABEL + w + 10, y + 24, 13);
        }
        h.close("svg");
        return h.toString();
    }
}
