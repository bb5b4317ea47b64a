package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class PlainJsonTest {

    @Test
    void valuesBecomePlainJavaValuesInDocumentOrder() {
        Object v = PlainJson.parse("\uFEFF {\"b\": [1, -2.5e3, \"x\\n\\u00e9\\\"\", true, false, null], \"a\": {},"
                + " \"big\": 12345678901234567890, \"z\": 0, \"e\": 1E2, \"b\": []}\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", List.of());
        expected.put("a", Map.of());
        expected.put("big", 12345678901234567890.0);
        expected.put("z", 0L);
        expected.put("e", 100.0);
        assertThat(v).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("b", "a", "big", "z", "e")); // last b wins, first place
        List<Object> array = new ArrayList<>(Arrays.asList(1L, -2500.0, "x\n\u00e9\"", true, false, null));
        assertThat(PlainJson.parse("[1, -2.5e3, \"x\\n\\u00e9\\\"\", true, false, null]")).isEqualTo(array);
    }

    /** What Jackson reads from the shipped presets, PlainJson reads too (Jackson's values as plain Java values). */
    @Test
    void everyShippedPresetReadsAsJacksonReadsIt() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        String index;
        try (var in = PlainJsonTest.class.getResourceAsStream("/org/undervolt/dram/presets/index.txt")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> names = index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(names).hasSizeGreaterThan(3);
        for (String name : names) {
            byte[] bytes;
            try (var in = PlainJsonTest.class.getResourceAsStream("/org/undervolt/dram/presets/" + name + ".json")) {
                bytes = in.readAllBytes();
            }
            Object mine = PlainJson.parse(bytes);
            // Jackson's compact text of its own tree equals Json.compact of ours: same keys, order, values, types
            assertThat(Json.compact(mine)).as(name)
                    .isEqualTo(jackson.writeValueAsString(jackson.readValue(bytes, Object.class)));
        }
    }

    @Test
    void malformedJsonNamesTheLineAndWhatWasExpected() {
        assertThatThrownBy(() -> PlainJson.parse("{\n\"a\": 1,\n}")).isInstanceOf(PlainJson.SyntaxException.class)
                .hasMessage("line 3: unexpected '}', expected a field name in double quotes");
        assertThatThrownBy(() -> PlainJson.parse("{\"a\": 1")).hasMessage("line 1: unexpected end of input, expected ',' or '}' in an object");
        assertThatThrownBy(() -> PlainJson.parse("[1 2]")).hasMessage("line 1: unexpected '2', expected ',' or ']' in an array");
        assertThatThrownBy(() -> PlainJson.parse("{\"a\" 1}")).hasMessage("line 1: unexpected '1', expected ':' after field name \"a\"");
        assertThatThrownBy(() -> PlainJson.parse("01")).hasMessage("line 1: leading zero in a number");
        assertThatThrownBy(() -> PlainJson.parse("1.")).hasMessage("line 1: unexpected end of input, expected a digit after the decimal point");
        assertThatThrownBy(() -> PlainJson.parse("-")).hasMessage("line 1: unexpected end of input, expected a digit");
        assertThatThrownBy(() -> PlainJson.parse("tru")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> PlainJson.parse("\"a\tb\"")).hasMessage("line 1: unescaped control character character U+0009 in a string");
        assertThatThrownBy(() -> PlainJson.parse("\"\\x\"")).hasMessage("line 1: invalid escape \\'x' in a string");
        assertThatThrownBy(() -> PlainJson.parse("\"\\u12g4\"")).hasMessageContaining("four hexadecimal digits");
        assertThatThrownBy(() -> PlainJson.parse("{} {}")).hasMessage("line 1: unexpected '{' after the document's value");
        assertThatThrownBy(() -> PlainJson.parse("")).hasMessage("line 1: unexpected end of input, expected a value");
        assertThatThrownBy(() -> PlainJson.parse(new byte[] {'"', (byte) 0xC3, '"'})).hasMessage("line 1: not UTF-8 text");
    }

    @Test
    void nestingIsBoundedAtTheLimitExactly() {
        int n = PlainJson.MAX_DEPTH;
        assertThat(PlainJson.parse("[".repeat(n) + "]".repeat(n))).isInstanceOf(List.class);
        assertThatThrownBy(() -> PlainJson.parse("[".repeat(n + 1) + "]".repeat(n + 1)))
                .hasMessage("line 1: nesting deeper than " + n + " levels");
        assertThat(PlainJson.parse("\"caf\u00e9\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\u00e9");
    }
}
