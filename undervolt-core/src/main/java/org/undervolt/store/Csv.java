package org.undervolt.store;

/** RFC 4180 lines: fields with a comma, quote or line break are quoted, quotes doubled; null is empty. */
final class Csv {
    private Csv() {
    }

    static String line(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields[i]));
        }
        return b.append('\n').toString();
    }

    static String field(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
