package org.undervolt.io;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration Undervolt writes JSON with: stable key order, pretty printed; {@link #compact},
 * which writes plain trees without starting Jackson; and {@link #parse}, which reads small documents (the data files
 * a short command needs) into plain trees, also without Jackson.
 */
public final class Json {
    /** Made on first use: a command that prints {@link #compact} JSON only never loads Jackson. */
    private static final class Mappers {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        static final ObjectMapper CANONICAL = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return Mappers.MAPPER;
    }

    /**
     * {@code value} as compact JSON with map keys sorted: two equal configurations give equal text,
     * so the text can be compared and indexed (the results store does).
     */
    public static String canonical(Object value) {
        try {
            return Mappers.CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The components of {@code record} as an ordered map for JSON: in declaration order, each named in snake_case
     * ({@code irVersion} as {@code ir_version}, {@code ci95HalfWidth} as {@code ci95_half_width}), its value as the
     * accessor returns it. For a result whose JSON is its fields, so the field list is written once, in the record.
     */
    public static Map<String, Object> fields(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                m.put(snakeCase(c.getName()), accessor.invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + c.getName(), e);
            }
        }
        return m;
    }

    /** {@code camelCase} as {@code camel_case}: an underscore before each upper-case letter, which is lowered. */
    static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** {@code value} (maps, lists, records, numbers) as indented JSON text. */
    public static String write(Object value) {
        try {
            return Mappers.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@code value} as compact JSON (one line, map entries in iteration order), the text a default Jackson
     * {@code ObjectMapper} writes. Trees of maps with string keys, lists, strings, booleans, integers and finite
     * doubles are written here, without loading Jackson (a third of the classes a short command loads); anything
     * else (records, enums, NaN, ...) is handed to Jackson.
     */
    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder(256);
        if (CompactWriter.write(value, sb)) {
            return sb.toString();
        }
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON document {@code text} as a plain tree: objects as {@link LinkedHashMap}s (keys in document order), arrays
     * as {@link List}s, strings, {@link Boolean}s, null, and numbers as {@link Long} (integers) or {@link Double} (with a
     * fraction or an exponent). Reads RFC 8259 JSON (numbers a little leniently: what {@link Long#parseLong} or
     * {@link Double#parseDouble} reads); for small documents (a short command's data files), without loading
     * Jackson.
     *
     * @throws IllegalArgumentException if {@code text} is not one JSON value, naming the offset
     */
    public static Object parse(String text) {
        TreeReader r = new TreeReader(text);
        Object v = r.value();
        r.blank();
        if (r.pos != text.length()) {
            throw r.error("end of the document");
        }
        return v;
    }

    /** A recursive-descent reader of one JSON document into maps, lists, strings, numbers, booleans and null. */
    private static final class TreeReader {
        private final String s;
        private int pos;

        TreeReader(String s) {
            this.s = s;
        }

        Object value() {
            blank();
            if (pos >= s.length()) {
                throw error("a value");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> {
                    if (c != '-' && (c < '0' || c > '9')) {
                        throw error("a value");
                    }
                    yield number();
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            if (next() == '}') {
                pos++;
                return m;
            }
            while (true) {
                if (next() != '"') {
                    throw error("a quoted key");
                }
                String k = string();
                if (next() != ':') {
                    throw error("':'");
                }
                pos++;
                m.put(k, value());
                char c = next();
                pos++;
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            if (next() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                char c = next();
                pos++;
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    pos--;
                    throw error("',' or ']'");
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    if (c < 0x20) {
                        pos--;
                        throw error("no control character in a string");
                    }
                    b.append(c);
                    continue;
                }
                char e = pos < s.length() ? s.charAt(pos++) : 0;
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("four hex digits");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("an escape (\\\" \\\\ / b f n r t u)");
                    }
                }
            }
            throw error("a closing '\"'");
        }

        private Object word(String w, Object v) {
            if (!s.startsWith(w, pos)) {
                throw error("a value");
            }
            pos += w.length();
            return v;
        }

        private Object number() {
            int start = pos;
            boolean integer = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    integer = false;
                } else if (!(c >= '0' && c <= '9' || c == '-' || c == '+')) {
                    break;
                }
                pos++;
            }
            String t = s.substring(start, pos);
            try {
                return integer ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
            } catch (NumberFormatException x) {
                pos = start;
                throw error("a value");
            }
        }

        /** The next character after blanks (0 at the end). */
        private char next() {
            blank();
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void blank() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n' || s.charAt(pos) == '\r'
                    || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("JSON: expected " + expected + " at offset " + pos);
        }
    }

    /** Jackson's compact output for plain trees; false (output then unusable) at the first value it does not write. */
    private static final class CompactWriter {
        static boolean write(Object v, StringBuilder sb) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                string(s, sb);
            } else if (v instanceof Boolean b) {
                sb.append(b.booleanValue());
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                sb.append(((Number) v).longValue());
            } else if (v instanceof Double d) {
                if (!Double.isFinite(d)) {
                    return false;
                }
                sb.append(d.doubleValue()); // Double.toString, as Jackson's default number writer
            } else if (v instanceof Map<?, ?> m) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String k)) {
                        return false;
                    }
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    string(k, sb);
                    sb.append(':');
                    if (!write(e.getValue(), sb)) {
                        return false;
                    }
                }
                sb.append('}');
            } else if (v instanceof Collection<?> c) {
                sb.append('[');
                boolean first = true;
                for (Object x : c) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    if (!write(x, sb)) {
                        return false;
                    }
                }
                sb.append(']');
            } else {
                return false;
            }
            return true;
        }

        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        /** A JSON string literal escaped as Jackson escapes it: quote, backslash, short escapes, other controls as \\u00XX. */
        private static void string(String s, StringBuilder sb) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
