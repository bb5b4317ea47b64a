package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An x-y plot drawn as inline SVG, in Java: lines with markers, shaded bands (confidence intervals),
 * horizontal and vertical reference lines, axes with ticks, and a legend. No script, no external
 * resource: the markup is the picture.
 *
 * <p>Drawn elements carry classes ({@code uv-line}, {@code uv-band}, {@code uv-marker}, {@code uv-ref})
 * and {@code data-series} / {@code data-points} attributes, so tests (and readers of the DOM) can
 * find what was drawn.
 */
public final class SvgPlot {
    /** How a line is stroked. */
    public enum Stroke {
        SOLID(""), DASHED("7 5"), DOTTED("2 4");

        final String dash;

        Stroke(String dash) {
            this.dash = dash;
        }
    }

    private record Item(String kind, String name, double[] x, double[] y, double[] y2, String color, Stroke stroke,
            boolean markers) {
    }

    public static final int WIDTH = FigureSection.WIDTH;
    public static final int HEIGHT = 500;
    private static final int LEFT = 74;
    private static final int RIGHT = 250;
    private static final int TOP = 20;
    private static final int BOTTOM = 58;

    private final String title;
    private final String xLabel;
    private final Scale x;
    private final String yLabel;
    private final Scale y;
    private final List<Item> items = new ArrayList<>();

    public SvgPlot(String title, String xLabel, Scale x, String yLabel, Scale y) {
        this.title = title;
        this.xLabel = xLabel;
        this.x = x;
        this.yLabel = yLabel;
        this.y = y;
    }

    /** A shaded band between {@code lo} and {@code hi} (e.g. a 95% confidence interval). */
    public SvgPlot band(String name, double[] xs, double[] lo, double[] hi, String color) {
        check(xs, lo, hi);
        items.add(new Item("band", name, xs.clone(), lo.clone(), hi.clone(), color, Stroke.SOLID, false));
        return this;
    }

    public SvgPlot line(String name, double[] xs, double[] ys, String color, Stroke stroke, boolean markers) {
        check(xs, ys, ys);
        items.add(new Item("line", name, xs.clone(), ys.clone(), null, color, stroke, markers));
        return this;
    }

    /** A horizontal reference line across the plot at {@code value}. */
    public SvgPlot horizontal(String name, double value, String color, Stroke stroke) {
        items.add(new Item("hline", name, null, new double[] {value}, null, color, stroke, false));
        return this;
    }

    /** A vertical reference line at {@code value}. */
    public SvgPlot vertical(String name, double value, String color, Stroke stroke) {
        items.add(new Item("vline", name, new double[] {value}, null, null, color, stroke, false));
        return this;
    }

    private static void check(double[] a, double[] b, double[] c) {
        if (a.length == 0 || a.length != b.length || a.length != c.length) {
            throw new IllegalArgumentException("series arrays must be non-empty and of equal length");
        }
    }

    private double px(double v) {
        return LEFT + x.fraction(v) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double v) {
        return HEIGHT - BOTTOM - y.fraction(v) * (HEIGHT - TOP - BOTTOM);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public String svg() {
        String clip = "uv-clip-" + Integer.toHexString(title.hashCode()); // every plot has the same clip rectangle
        Html h = FigureSection.openSvg("", HEIGHT, title);
        h.open("defs").open("clipPath", "id", clip).raw(rect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM,
                "none")).close("clipPath").close("defs");
        axes(h);
        h.open("g", "clip-path", "url(#" + clip + ")");
        for (Item it : items) {
            switch (it.kind) {
                case "band" -> drawBand(h, it);
                case "line" -> drawLine(h, it);
                case "hline" -> refLine(h, it, LEFT, py(it.y[0]), WIDTH - RIGHT, py(it.y[0]));
                case "vline" -> refLine(h, it, px(it.x[0]), TOP, px(it.x[0]), HEIGHT - BOTTOM);
                default -> throw new IllegalStateException(it.kind);
            }
        }
        h.close("g");
        legend(h);
        h.close("svg");
        return h.toString();
    }

    private void axes(Html h) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        h.open("g", "class", "uv-axes", "font-size", "12", "fill", "#5b6474");
        for (Scale.Tick t : x.ticks()) {
            double p = px(t.value());
            h.raw("<line x1=\"" + f(p) + "\" y1=\"" + y1 + "\" x2=\"" + f(p) + "\" y2=\"" + y0
                    + "\" stroke=\"#eceff3\"/>");
            h.element("text", t.label(), "x", f(p), "y", String.valueOf(y0 + 18), "text-anchor", "middle");
        }
        for (Scale.Tick t : y.ticks()) {
            double p = py(t.value());
            h.raw("<line x1=\"" + x0 + "\" y1=\"" + f(p) + "\" x2=\"" + x1 + "\" y2=\"" + f(p)
                    + "\" stroke=\"#eceff3\"/>");
            h.element("text", t.label(), "x", String.valueOf(x0 - 8), "y", f(p + 4), "text-anchor", "end");
        }
        h.raw("<path d=\"M" + x0 + " " + y1 + "V" + y0 + "H" + x1 + "\" fill=\"none\" stroke=\"#5b6474\"/>");
        h.element("text", xLabel, "x", f((x0 + x1) / 2.0), "y", String.valueOf(HEIGHT - 14), "text-anchor", "middle",
                "font-size", "13", "fill", "#1d2330");
        h.element("text", yLabel, "transform", "translate(18 " + f((y0 + y1) / 2.0) + ") rotate(-90)",
                "text-anchor", "middle", "font-size", "13", "fill", "#1d2330");
        h.close("g");
    }

    private void drawBand(Html h, Item it) {
        StringBuilder d = new StringBuilder();
        int n = 0;
        for (int i = 0; i < it.x.length; i++) {
            if (x.accepts(it.x[i])) {
                d.append(n++ == 0 ? "M" : "L").append(f(px(it.x[i]))).append(' ').append(f(py(it.y2[i])));
            }
        }
        for (int i = it.x.length - 1; i >= 0; i--) {
            if (x.accepts(it.x[i])) {
                d.append('L').append(f(px(it.x[i]))).append(' ').append(f(py(it.y[i])));
            }
        }
        d.append('Z');
        h.open("path", "class", "uv-band", "data-series", it.name, "data-points", String.valueOf(n), "d", d.toString(),
                "fill", it.color, "fill-opacity", "0.18", "stroke", "none").close("path");
    }

    private void drawLine(Html h, Item it) {
        StringBuilder d = new StringBuilder();
        int n = 0;
        for (int i = 0; i < it.x.length; i++) {
            if (x.accepts(it.x[i]) && y.accepts(it.y[i])) {
                d.append(n++ == 0 ? "M" : "L").append(f(px(it.x[i]))).append(' ').append(f(py(it.y[i])));
            }
        }
        h.open("path", "class", "uv-line", "data-series", it.name, "data-points", String.valueOf(n), "d", d.toString(),
                "fill", "none", "stroke", it.color, "stroke-width", "2.2", "stroke-dasharray", it.stroke.dash,
                "stroke-linejoin", "round").close("path");
        if (it.markers) {
            h.open("g", "class", "uv-markers", "data-series", it.name, "fill", it.color);
            for (int i = 0; i < it.x.length; i++) {
                if (x.accepts(it.x[i]) && y.accepts(it.y[i])) {
                    h.raw("<circle class=\"uv-marker\" cx=\"" + f(px(it.x[i])) + "\" cy=\"" + f(py(it.y[i]))
                            + "\" r=\"3.6\"/>");
                }
            }
            h.close("g");
        }
    }

    private void refLine(Html h, Item it, double ax, double ay, double bx, double by) {
        h.open("path", "class", "uv-ref", "data-series", it.name, "d",
                "M" + f(ax) + " " + f(ay) + "L" + f(bx) + " " + f(by), "stroke", it.color, "stroke-width", "1.5",
                "stroke-dasharray", it.stroke.dash, "fill", "none").close("path");
    }

    private void legend(Html h) {
        int lx = WIDTH - RIGHT + 18;
        int ly = TOP + 8;
        h.open("g", "class", "uv-legend", "font-size", "12", "fill", "#1d2330");
        for (Item it : items) {
            if (it.kind.equals("band")) {
                h.raw(rect(lx, ly - 6, 22, 12, it.color).replace("/>", " fill-opacity=\"0.18\"/>"));
            } else {
                h.raw("<path d=\"M" + lx + " " + ly + "h22\" stroke=\"" + Html.escape(it.color)
                        + "\" stroke-width=\"2.2\" stroke-dasharray=\"" + it.stroke.dash + "\"/>");
            }
            h.element("text", it.name, "x", String.valueOf(lx + 30), "y", String.valueOf(ly + 4));
            ly += 20;
        }
        h.close("g");
    }

    private static String rect(double x, double y, double w, double hgt, String fill) {
        return "<rect x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(w) + "\" height=\"" + f(hgt) + "\" fill=\""
                + Html.escape(fill) + "\"/>";
    }
}
