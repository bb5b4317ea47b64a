package org.undervolt.dram.spec;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Json;

/**
 * Typed, validated access to fields of a JSON spec file read by {@link org.undervolt.io.PlainJson} (objects are
 * maps, arrays lists, numbers {@code Long} or {@code Double}); every failure is an {@link InvalidInputException}
 * naming the file, the field path and the expected form.
 */
final class JsonFields {
    private final String file;
    private final String text;

    JsonFields(String file) {
        this(file, null);
    }

    /** With the file's text, messages also name the line where the field's key first appears. */
    JsonFields(String file, String text) {
        this.file = file;
        this.text = text;
    }

    String file() {
        return file;
    }

    InvalidInputException error(String path, String problem) {
        return new InvalidInputException(file + lineOf(path) + ": field '" + path + "' " + problem);
    }

    /** ":N" for the first line holding the path's last key in quotes, or "" when unknown or absent. */
    private String lineOf(String path) {
        if (text == null) {
            return "";
        }
        String key = path.substring(path.lastIndexOf('.') + 1);
        int bracket = key.indexOf('[');
        if (bracket >= 0) {
            key = key.substring(0, bracket);
        }
        int at = text.indexOf('"' + key + '"');
        if (at < 0) {
            return "";
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return ":" + line;
    }

    /** The field's node; an error saying it is missing and what was {@code expected} when it is absent or null. */
    private Object present(Map<String, Object> parent, String parentPath, String field, String expected) {
        Object n = parent.get(field);
        if (n == null) {
            throw error(join(parentPath, field), "is missing, expected " + expected);
        }
        return n;
    }

    /**
     * The field's node, present and of the kind {@code is} accepts; otherwise an error naming what it is (its type
     * and value) and what was {@code expected}.
     */
    private Object typed(Map<String, Object> parent, String parentPath, String field, String expected,
            Predicate<Object> is) {
        Object n = present(parent, parentPath, field, expected);
        if (!is.test(n)) {
            throw error(join(parentPath, field), "is " + kind(n) + " '" + Json.compact(n) + "', expected " + expected);
        }
        return n;
    }

    /** JSON's name for the kind of a value {@code PlainJson} read. */
    private static String kind(Object n) {
        if (n instanceof Map) {
            return "object";
        }
        if (n instanceof List) {
            return "array";
        }
        if (n instanceof String) {
            return "string";
        }
        return n instanceof Boolean ? "boolean" : "number";
    }

    /** The field's object, keys in document order. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(Map<String, Object> parent, String parentPath, String field) {
        Object n = present(parent, parentPath, field, "an object");
        if (!(n instanceof Map)) {
            throw error(join(parentPath, field), "is " + kind(n) + ", expected an object");
        }
        return (Map<String, Object>) n;
    }

    String string(Map<String, Object> parent, String parentPath, String field) {
        return (String) typed(parent, parentPath, field, "a string", n -> n instanceof String);
    }

    double number(Map<String, Object> parent, String parentPath, String field) {
        String path = join(parentPath, field);
        double v = ((Number) typed(parent, parentPath, field, "a number", n -> n instanceof Number)).doubleValue();
        if (!Double.isFinite(v)) {
            throw error(path, "is " + v + ", expected a finite number");
        }
        return v;
    }

    double nonNegative(Map<String, Object> parent, String parentPath, String field) {
        double v = number(parent, parentPath, field);
        if (v < 0) {
            throw error(join(parentPath, field), "is " + v + ", expected a number >= 0");
        }
        return v;
    }

    double optionalNonNegative(Map<String, Object> parent, String parentPath, String field, double fallback) {
        return parent.get(field) == null ? fallback : nonNegative(parent, parentPath, field);
    }

    int positiveInt(Map<String, Object> parent, String parentPath, String field) {
        int v = nonNegativeInt(parent, parentPath, field);
        if (v == 0) {
            throw error(join(parentPath, field), "is 0, expected a positive integer");
        }
        return v;
    }

    int nonNegativeInt(Map<String, Object> parent, String parentPath, String field) {
        String path = join(parentPath, field);
        long v = ((Number) typed(parent, parentPath, field, "an integer",
                n -> n instanceof Long || (n instanceof Double d && d == Math.rint(d)))).longValue();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error(path, "is " + v + ", expected an integer in [0, " + Integer.MAX_VALUE + "]");
        }
        return (int) v;
    }

    int optionalPositiveInt(Map<String, Object> parent, String parentPath, String field, int fallback) {
        return parent.get(field) == null ? fallback : positiveInt(parent, parentPath, field);
    }

    static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
