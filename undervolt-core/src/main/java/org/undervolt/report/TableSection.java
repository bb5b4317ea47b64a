package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A section holding one table of text cells, with optional big headline figures above it and a note
 * below. Used for the comparison with the papers and for plain key/value listings.
 */
public final class TableSection implements ReportSection {
    private final String id;
    private final String title;
    private final List<String[]> figures = new ArrayList<>();
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private String note;

    public TableSection(String id, String title, List<String> header) {
        this.id = id;
        this.title = title;
        this.header = List.copyOf(header);
    }

    /** A large figure shown above the table, with its caption. */
    public TableSection figure(String value, String caption) {
        figures.add(new String[] {value, caption});
        return this;
    }

    public TableSection row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    public TableSection note(String text) {
        this.note = text;
        return this;
    }

    /** A two-column listing of {@code values}; nested maps become dotted keys, lists are joined. */
    public static TableSection keyValues(String id, String title, java.util.Map<String, ?> values) {
        TableSection t = new TableSection(id, title, List.of("key", "value"));
        flatten("", values, t);
        return t;
    }

    private static void flatten(String prefix, java.util.Map<String, ?> values, TableSection t) {
        for (var e : values.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof java.util.Map<?, ?> m) {
                java.util.Map<String, Object> sub = new java.util.LinkedHashMap<>();
                m.forEach((k, v) -> sub.put(String.valueOf(k), v));
                flatten(key + ".", sub, t);
            } else {
                t.row(key, org.undervolt.io.HumanNumbers.text(e.getValue()));
            }
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void render(Html h) {
        if (!figures.isEmpty()) {
            h.open("div", "class", "figures");
            for (String[] f : figures) {
                h.open("div").element("span", f[1]).element("div", f[0], "class", "big").close("div");
            }
            h.close("div");
        }
        h.open("table").open("tr");
        for (String c : header) {
            h.element("th", c);
        }
        h.close("tr");
        for (List<String> r : rows) {
            h.open("tr");
            for (String c : r) {
                h.element("td", c);
            }
            h.close("tr");
        }
        h.close("table");
        if (note != null) {
            h.element("p", note, "class", "note");
        }
    }
}
