package org.undervolt.io;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration Undervolt writes JSON with: stable key order, pretty printed. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code value} as compact JSON with map keys sorted: two equal configurations give equal text,
     * so the text can be compared and indexed (the results store does).
     */
    public static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
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
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result to JSON: " + e.getMessage(), e);
        }
    }
}
