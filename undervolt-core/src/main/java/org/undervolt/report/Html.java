package org.undervolt.report;

/**
 * A small HTML writer: escapes text and attribute values, nothing else. Sections of a report write
 * through it so that no value from a run (a file name, a config string) can break the page.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder();

    /** {@code s} with {@code & < > " '} replaced by entities: safe in text and in quoted attributes. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Opens {@code tag} with attributes given as name, value pairs (values escaped). */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attrs>text</tag>} with the text escaped. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text. */
    public Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** Markup made by trusted code (e.g. an SVG from {@link SvgPlot}); never user text. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    public Html newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
