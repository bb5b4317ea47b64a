package org.undervolt.report;

import org.undervolt.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A self-contained HTML report: one file, no scripts, no fonts, no requests; plots are inline SVG, the
 * style sheet is inline. It opens offline in any browser and prints as it shows.
 */
public final class HtmlReport {
    private static final String STYLE = """
            :root { --ink: #1d2330; --muted: #5b6474; --rule: #d9dde4; --accent: #1f5fa8; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #fff; color: var(--ink);
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
            main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 64px; }
            header h1 { margin: 0 0 4px; font-size: 26px; }
            header p { margin: 0; color: var(--muted); }
            nav { margin: 18px 0 8px; font-size: 14px; }
            nav a { color: var(--accent); text-decoration: none; margin-right: 16px; }
            section { border-top: 1px solid var(--rule); margin-top: 28px; padding-top: 8px; }
            h2 { font-size: 19px; margin: 12px 0 12px; }
            table { border-collapse: collapse; font-size: 14px; margin: 8px 0 12px; }
            th, td { text-align: left; padding: 5px 12px 5px 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
            th { color: var(--muted); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .note { color: var(--muted); font-size: 13px; }
            .big { font-size: 22px; font-weight: 600; }
            .figures { display: flex; gap: 36px; flex-wrap: wrap; margin: 8px 0 16px; }
            .figures div span { display: block; color: var(--muted); font-size: 13px; }
            svg.uv-plot { display: block; max-width: 100%; height: auto; }
            svg text { font-family: inherit; }
            code { font-size: 13px; }
            """;

    private final String title;
    private final String subtitle;
    private final List<ReportSection> sections = new ArrayList<>();

    public HtmlReport(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** Appends a section; ids must be unique within the report. */
    public HtmlReport add(ReportSection section) {
        if (!section.id().matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("section id must be letters, digits and dashes: " + section.id());
        }
        sections.add(section);
        return this;
    }

    public List<ReportSection> sections() {
        return List.copyOf(sections);
    }

    public String render() {
        Set<String> ids = new HashSet<>();
        for (ReportSection s : sections) {
            if (!ids.add(s.id())) {
                throw new IllegalStateException("two report sections share the id " + s.id());
            }
        }
        Html h = new Html();
        h.raw("<!DOCTYPE html>").newline();
        h.open("html", "lang", "en").newline();
        h.open("head").raw("<meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", title).open("style").raw(STYLE).close("style").close("head").newline();
        h.open("body").open("main").newline();
        h.open("header").element("h1", title).element("p", subtitle).close("header").newline();
        h.open("nav");
        for (ReportSection s : sections) {
            h.element("a", s.title(), "href", "#" + s.id());
        }
        h.close("nav").newline();
        for (ReportSection s : sections) {
            h.open("section", "id", s.id()).element("h2", s.title()).newline();
            s.render(h);
            h.close("section").newline();
        }
        h.close("main").close("body").close("html").newline();
        return h.toString();
    }

    /** Writes the report atomically (temporary file, then rename). */
    public void write(Path target) {
        AtomicFiles.write(target, render().getBytes(StandardCharsets.UTF_8));
    }
}
