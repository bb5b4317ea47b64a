package org.undervolt.dram.spec;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;

/**
 * Typed, validated access to fields of a JSON spec file; every failure is an {@link InvalidInputException}
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
    private JsonNode present(JsonNode parent, String parentPath, String field, String expected) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw error(join(parentPath, field), "is missing, expected " + expected);
        }
        return n;
    }

    /**
     * The field's node, present and of the kind {@code is} accepts; otherwise an error naming what it is (its type
     * and value) and what was {@code expected}.
     */
    private JsonNode typed(JsonNode parent, String parentPath, String field, String expected, Predicate<JsonNode> is) {
        JsonNode n = present(parent, parentPath, field, expected);
        if (!is.test(n)) {
            throw error(join(parentPath, field), "is " + n.getNodeType().name().toLowerCase() + " '" + n
                    + "', expected " + expected);
        }
        return n;
    }

    JsonNode object(JsonNode parent, String parentPath, String field) {
        JsonNode n = present(parent, parentPath, field, "an object");
        if (!n.isObject()) {
            throw error(join(parentPath, field), "is " + n.getNodeType().name().toLowerCase() + ", expected an object");
        }
        return n;
    }

    String string(JsonNode parent, String parentPath, String field) {
        return typed(parent, parentPath, field, "a string", JsonNode::isTextual).asText();
    }

    double number(JsonNode parent, String parentPath, String field) {
        String path = join(parentPath, field);
        double v = typed(parent, parentPath, field, "a number", JsonNode::isNumber).asDouble();
        if (!Double.isFinite(v)) {
            throw error(path, "is " + v + ", expected a finite number");
        }
        return v;
    }

    double nonNegative(JsonNode parent, String parentPath, String field) {
        double v = number(parent, parentPath, field);
        if (v < 0) {
            throw error(join(parentPath, field), "is " + v + ", expected a number >= 0");
        }
        return v;
    }

    double optionalNonNegative(JsonNode parent, String parentPath, String field, double fallback) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? fallback : nonNegative(parent, parentPath, field);
    }

    int positiveInt(JsonNode parent, String parentPath, String field) {
        int v = nonNegativeInt(parent, parentPath, field);
        if (v == 0) {
            throw error(join(parentPath, field), "is 0, expected a positive integer");
        }
        return v;
    }

    int nonNegativeInt(JsonNode parent, String parentPath, String field) {
        String path = join(parentPath, field);
        long v = typed(parent, parentPath, field, "an integer",
                n -> n.isIntegralNumber() || (n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))).asLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error(path, "is " + v + ", expected an integer in [0, " + Integer.MAX_VALUE + "]");
        }
        return (int) v;
    }

    int optionalPositiveInt(JsonNode parent, String parentPath, String field, int fallback) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? fallback : positiveInt(parent, parentPath, field);
    }

    static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
