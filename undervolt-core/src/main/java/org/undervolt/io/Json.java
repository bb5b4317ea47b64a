package org.undervolt.io;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
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
