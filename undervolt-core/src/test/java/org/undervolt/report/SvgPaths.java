package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the absolute M/L points of a path's {@code d} attribute, as {@link SvgPlot} writes them. */
final class SvgPaths {
    private static final Pattern POINT = Pattern.compile("[ML](-?[0-9.]+) (-?[0-9.]+)");

    private SvgPaths() {
    }

    static List<double[]> points(String d) {
        List<double[]> out = new ArrayList<>();
        Matcher m = POINT.matcher(d);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }

    /** Length of the polyline through the points (closing segment included if {@code closed}). */
    static double length(List<double[]> p, boolean closed) {
        double len = 0;
        for (int i = 1; i < p.size(); i++) {
            len += Math.hypot(p.get(i)[0] - p.get(i - 1)[0], p.get(i)[1] - p.get(i - 1)[1]);
        }
        if (closed && p.size() > 1) {
            len += Math.hypot(p.get(0)[0] - p.get(p.size() - 1)[0], p.get(0)[1] - p.get(p.size() - 1)[1]);
        }
        return len;
    }
}
