package org.undervolt.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
 *
 * <p>One naming for records wherever they sit: {@link #write}, {@link #compact} and {@link #canonical} write every
 * record in what they are given (the value itself, or inside a map or a list at any depth) as its {@link #fields},
 * keys in snake_case. Jackson's own record serialiser, which names keys after the components (camelCase), is never
 * reached. A reader of a file written before (records nested in a map were then camelCase) finds a component under
 * either name with {@link #key}.
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
            return Mappers.CANONICAL.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The components of {@code record} as an ordered map for JSON: in declaration order, each named in snake_case
     * ({@code irVersion} as {@code ir_version}, {@code ci95HalfWidth} as {@code ci95_half_width}), its value as the
     * accessor returns it, with records inside it (also in lists and map values) turned into such maps in turn. A
     * component marked {@link OmitWhenNull} is left out while it is null; one marked {@link Inline} (a record or a map)
     * has its entries put in its place. For a result whose JSON is its fields, so the field list is written once, in
     * the record.
     */
    public static Map<String, Object> fields(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + c.getName(), e);
            }
            if (c.isAnnotationPresent(Inline.class)) {
                if (value instanceof Map<?, ?> || value instanceof Record) {
                    ((Map<?, ?>) tree(value)).forEach((k, v) -> m.put((String) k, v));
                } else if (value != null) {
                    throw new IllegalStateException(record.getClass().getName() + "." + c.getName()
                            + " is marked Inline but is neither a record nor a map");
                }
            } else if (value != null || !c.isAnnotationPresent(OmitWhenNull.class)) {
                m.put(snakeCase(c.getName()), tree(value));
            }
        }
        return m;
    }

    /** {@code value} with every record in it (itself, list elements, map values, at any depth) as its {@link #fields}. */
    private static Object tree(Object value) {
        if (value instanceof Record r) {
            return fields(r);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(tree(x)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, tree(v)));
            return out;
        }
        return value;
    }

    /**
     * On a record component: {@link #fields} leaves its key out while its value is null (a part of a result that
     * only some runs have, e.g. the error trials of an evaluation without a BER).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface OmitWhenNull {
    }

    /**
     * On a record component holding a record or a map: {@link #fields} puts its entries in its place, in their order,
     * instead of one key holding them (nothing while it is null). For a flat JSON object whose keys come in groups.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Inline {
    }

    /**
     * The key, among {@code keys}, that holds record component {@code component}: its snake_case name as written now
     * ({@link #fields}), else the component's own name, as a record nested in a map was written before
     * ({@code validationAccuracy}); null when neither is there. For reading back files written by earlier versions.
     */
    public static String key(java.util.function.Predicate<String> keys, String component) {
        String snake = snakeCase(component);
        return keys.test(snake) ? snake : keys.test(component) ? component : null;
    }

    /** {@code camelCase} as {@code camel_case}: an underscore before each upper-case letter, which is lowered. */
    public static String snakeCase(String name) {
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
            return Mappers.MAPPER.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@code value} as compact JSON (one line, map entries in iteration order), the text a default Jackson
     * {@code ObjectMapper} writes. Trees of maps with string keys, lists, strings, booleans, integers and finite
     * doubles are written here, without loading Jackson (a third of the classes a short command loads); anything
     * else (enums, NaN, ...) is handed to Jackson. Records are first turned into their {@link #fields}.
     */
    public static String compact(Object value) {
        Object tree = tree(value);
        StringBuilder sb = new StringBuilder(256);
        if (CompactWriter.write(tree, sb)) {
            return sb.toString();
        }
        try {
            return new ObjectMapper().writeValueAsString(tree);
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
