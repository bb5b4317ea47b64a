package org.undervolt.report;

import java.util.Locale;

/**
 * What every figure section of a report shares: an anchor and a heading, an inline SVG figure, an optional table of
 * the numbers drawn ({@link #body}) and an optional note; and the pieces of horizontal bar charts (one row per bar: a
 * label, the bar, its value). Subclasses draw the figure ({@link #svg}).
 */
abstract class FigureSection implements ReportSection {
    /** Width of every figure, in SVG units. */
    static final int WIDTH = 960;

    private final String id;
    private final String title;
    private final String note;

    FigureSection(String id, String title, String note) {
        this.id = id;
        this.title = title;
        this.note = note;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    /** The figure alone, as SVG markup. */
    public abstract String svg();

    /** What follows the figure, e.g. a table of the numbers; nothing by default. */
    void body(Html h) {
    }

    @Override
    public final void render(Html h) {
        h.raw(svg()).newline();
        body(h);
        if (note != null) {
            h.element("p", note, "class", "note");
        }
    }

    /**
     * A writer holding the opened {@code svg} element of a figure {@value #WIDTH} wide and {@code height} high, with
     * classes {@code uv-plot} and {@code cssClass}, an image role and {@code title} as its accessible name.
     */
    static Html openSvg(String cssClass, int height, String title) {
        Html h = new Html();
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", cssClass.isEmpty() ? "uv-plot" : "uv-plot " + cssClass,
                "viewBox", "0 0 " + WIDTH + " " + height, "width", String.valueOf(WIDTH), "height", String.valueOf(height),
                "role", "img", "aria-label", title);
        h.element("title", title);
        return h;
    }

    /** A bar row's label at the left edge, its baseline at {@code y}. */
    static void barLabel(Html h, String text, int y) {
        h.element("text", text, "x", "0", "y", String.valueOf(y), "font-size", "13", "fill", "#1d2330");
    }

    /**
     * One horizontal bar ({@code uv-bar}, carrying its value as {@code data-NAME}) from {@code x}, {@code width} wide,
     * {@code height} high from {@code top}; {@code tooltip} (null for none) as its SVG title.
     */
    static void bar(Html h, String dataName, double value, double x, int top, double width, int height, String color,
            String tooltip) {
        h.raw(String.format(Locale.ROOT, "<rect class=\"uv-bar\" data-%s=\"%s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
                + "fill=\"%s\"", dataName, value, x, top, width, height, Html.escape(color)));
        h.raw(tooltip == null ? "/>" : "><title>" + Html.escape(tooltip) + "</title></rect>");
    }

    /** The text after a bar's end, its baseline at {@code y}. */
    static void barValue(Html h, String text, double x, int y, int fontSize) {
        h.element("text", text, "x", String.format(Locale.ROOT, "%.2f", x), "y", String.valueOf(y), "font-size",
                String.valueOf(fontSize), "fill", "#1d2330");
    }
}
