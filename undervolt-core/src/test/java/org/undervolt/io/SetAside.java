package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What varies between runs and machines, set aside before an output is compared with its pin ({@link JsonPins}). */
public final class SetAside {
    private SetAside() {
    }

    /** {@code m} with provenance and seconds set aside and the temporary folder as TMP, at any depth. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> m, Path tmp) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.equals("provenance") || k.endsWith("seconds")) {
                out.put(k, "set aside");
            } else if (v instanceof Map<?, ?> sub) {
                out.put(k, of((Map<String, Object>) sub, tmp));
            } else if (v instanceof List<?> l) {
                out.put(k, l.stream().map(x -> x instanceof Map<?, ?> s ? of((Map<String, Object>) s, tmp)
                        : x instanceof String s ? s.replace(tmp.toString(), "TMP") : x).toList());
            } else {
                out.put(k, v instanceof String s ? s.replace(tmp.toString(), "TMP") : v);
            }
        });
        return out;
    }

    /**
     * The rows of the report's provenance table as {@code [key, value]}, in order: the values of the code's
     * provenance and of the stage seconds set aside, the temporary folder as TMP.
     */
    public static List<List<String>> provenanceRows(String html, Path tmp) {
        int at = html.indexOf("<section id=\"provenance\">");
        assertThat(at).isNotNegative();
        String section = html.substring(at, html.indexOf("</section>", at));
        Matcher m = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td></tr>").matcher(section);
        List<List<String>> rows = new ArrayList<>();
        while (m.find()) {
            String key = m.group(1);
            boolean varies = key.startsWith("provenance.") || key.contains("seconds");
            rows.add(List.of(key, varies ? "set aside" : m.group(2).replace(tmp.toString(), "TMP")));
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
