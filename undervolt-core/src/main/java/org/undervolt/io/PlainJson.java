package org.undervolt.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) that turns a document into plain Java values, for files read on a short
 * command's path, where starting Jackson (about 400 classes) costs more than the reading: the built-in DRAM presets
 * and memspec files. Objects become {@code LinkedHashMap<String, Object>} in document order (a repeated key keeps
 * its last value, as Jackson does), arrays {@code ArrayList<Object>}, strings {@code String}, integers in the range
 * of a {@code long} {@code Long}, every other number {@code Double}, {@code true}/{@code false} {@code Boolean} and
 * {@code null} Java's {@code null}. Nesting deeper than {@value #MAX_DEPTH} levels is refused (Jackson's default
 * limit), so hostile input cannot overflow the stack. Output goes through {@link Json}.
 */
public final class PlainJson {
    /** The deepest nesting of objects and arrays read. */
    public static final int MAX_DEPTH = 1000;

    private final String text;
    private int pos;
    private int depth;

    private PlainJson(String text) {
        this.text = text;
    }

    /** Malformed JSON: what is wrong and the (1-based) line where the reader stopped. */
    public static final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String reason;

        SyntaxException(int line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    /** The one value {@code text} holds (a leading byte-order mark and surrounding whitespace allowed). */
    public static Object parse(String text) {
        PlainJson r = new PlainJson(text);
        if (text.startsWith("\uFEFF")) {
            r.pos = 1;
        }
        r.skipWhitespace();
        Object v = r.value();
        r.skipWhitespace();
        if (r.pos < text.length()) {
            throw r.error("unexpected " + r.describe(text.charAt(r.pos)) + " after the document's value");
        }
        return v;
    }

    /** {@link #parse(String)} of UTF-8 {@code bytes}; bytes that are not UTF-8 are a {@link SyntaxException}. */
    public static Object parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SyntaxException(1, "not UTF-8 text");
        }
        return parse(text);
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describe(c) + ", expected a value (object, array, string, number, "
                        + "true, false or null)");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error(found() + ", expected a field name in double quotes");
            }
            String key = string();
            skipWhitespace();
            expect(':', "after field name \"" + key + "\"");
            skipWhitespace();
            m.put(key, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                pos--;
                throw error(found() + ", expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error(found() + ", expected ',' or ']' in an array");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of input in a string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            if (pos >= text.length()) {
                throw error("unexpected end of input in a string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> {
                    pos--;
                    throw error("invalid escape \\" + describe(e) + " in a string");
                }
            }
            start = pos;
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("unexpected end of input in a \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid \\u escape: expected four hexadecimal digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else {
            digits("a digit");
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            digits("a digit after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("a digit in the exponent");
        }
        String s = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException outOfRange) {
                // beyond a long: kept as the nearest double, so a range check sees its size
            }
        }
        return Double.parseDouble(s);
    }

    private void digits(String expected) {
        if (!isDigit(peek())) {
            throw error(found() + ", expected " + expected);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(text.charAt(pos)) + ", expected a value (object, array, string, "
                    + "number, true, false or null)");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw error(found() + ", expected '" + c + "' " + where);
        }
        pos++;
    }

    /** The character at the reading position, or 0 at the end. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String found() {
        return pos >= text.length() ? "unexpected end of input" : "unexpected " + describe(text.charAt(pos));
    }

    private String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }

    private SyntaxException error(String reason) {
        int line = 1;
        for (int i = 0, end = Math.min(pos, text.length()); i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new SyntaxException(line, reason);
    }
}
