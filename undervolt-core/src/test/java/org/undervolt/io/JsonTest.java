package org.undervolt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class JsonTest {
    private static String jackson(Object v) throws Exception {
        return new ObjectMapper().writeValueAsString(v);
    }

    record Point(int x, double y) {
    }

    @Test
    void compactWritesWhatJacksonWrites() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "plain \"quoted\" back\\slash / tab\t nl\n cr\r bs\b ff\f nul\u0000 unit\u001f del\u007f é ∑ 😀");
        m.put("t", true);
        m.put("f", false);
        m.put("nothing", null);
        m.put("int", 42);
        m.put("long", Long.MIN_VALUE);
        m.put("short", (short) -7);
        m.put("byte", (byte) 3);
        for (double d : new double[] {0.0, -0.0, 1.0, 0.1 + 0.2, 1e-5, 1.2345e-300, 8.94293015980e-4, 1e7, 1e21, 123456789.125,
                Double.MIN_VALUE, Double.MAX_VALUE, -3.5}) {
            m.put("d" + m.size(), d);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("list", List.of(1L, 2.5, "x", List.of(), Map.of()));
        List<Object> withNull = new ArrayList<>(Arrays.asList(null, 1, null));
        inner.put("nulls", withNull);
        m.put("inner", inner);
        m.put("", "empty key");
        assertEquals(jackson(m), Json.compact(m));
        assertEquals(jackson(List.of(m, m)), Json.compact(List.of(m, m)));
        assertEquals("null", Json.compact(null));
    }

    @Test
    void compactHandsWhatItDoesNotWriteToJackson() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("float", 0.1f);
        m.put("record", new Point(1, 2.5));
        m.put("big", new java.math.BigDecimal("1.50"));
        assertEquals(jackson(m), Json.compact(m));
        assertEquals(jackson(Map.of(1, "int key")), Json.compact(Map.of(1, "int key")));
    }
}
