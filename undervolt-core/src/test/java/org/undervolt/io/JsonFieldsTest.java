package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    /** A result whose JSON is its fields. */
    record Result(String model, long irVersion, double ci95HalfWidth, int[] inputShape, List<String> layers) {
    }

    @Test
    void fieldsAreTheComponentsInOrderInSnakeCaseWithTheirValues() {
        int[] shape = {1, 28, 28};
        Map<String, Object> m = Json.fields(new Result("net.onnx", 7L, 0.25, shape, List.of("fc1")));
        assertThat(m.keySet()).containsExactly("model", "ir_version", "ci95_half_width", "input_shape", "layers");
        assertThat(m.get("ir_version")).isEqualTo(7L);
        assertThat(m.get("ci95_half_width")).isEqualTo(0.25);
        assertThat(m.get("input_shape")).isSameAs(shape);
        Map<String, Object> byHand = new LinkedHashMap<>();
        byHand.put("model", "net.onnx");
        byHand.put("ir_version", 7L);
        byHand.put("ci95_half_width", 0.25);
        byHand.put("input_shape", shape);
        byHand.put("layers", List.of("fc1"));
        assertThat(Json.write(m)).isEqualTo(Json.write(byHand));
    }

    record Point(double berAtVdd, long flips) {
    }

    record Group(String errorModel, int trials) {
    }

    record Nested(String name, @Json.Inline Group group, @Json.OmitWhenNull Double tolerableBer, Double ber,
            List<Point> points, Map<String, Point> byName, @Json.Inline Map<String, Object> extra) {
    }

    @Test
    void recordsInsideAreFieldsTooInlinedGroupsSplicedAndMarkedNullsLeftOut() {
        Point p = new Point(1e-3, 4);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("z_last", 1);
        extra.put("a_then", p);
        Map<String, Object> m = Json.fields(new Nested("n", new Group("uniform", 3), null, null, List.of(p),
                Map.of("p", p), extra));
        assertThat(Json.compact(m)).isEqualTo("{\"name\":\"n\",\"error_model\":\"uniform\",\"trials\":3,\"ber\":null,"
                + "\"points\":[{\"ber_at_vdd\":0.001,\"flips\":4}],\"by_name\":{\"p\":{\"ber_at_vdd\":0.001,\"flips\":4}},"
                + "\"z_last\":1,\"a_then\":{\"ber_at_vdd\":0.001,\"flips\":4}}");
        Map<String, Object> without = Json.fields(new Nested("n", null, 1e-5, 0.5, List.of(), Map.of(), null));
        assertThat(without.keySet()).containsExactly("name", "tolerable_ber", "ber", "points", "by_name");
    }

    @Test
    void aRecordInsideAMapOrAListIsWrittenInSnakeCaseByEveryWriter() {
        Point p = new Point(1e-3, 4);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", new Group("uniform", 3));
        m.put("history", List.of(p, p));
        m.put("deeper", Map.of("at", List.of(Map.of("point", p))));
        String expected = "{\"settings\":{\"error_model\":\"uniform\",\"trials\":3},\"history\":[{\"ber_at_vdd\":0.001,"
                + "\"flips\":4},{\"ber_at_vdd\":0.001,\"flips\":4}],\"deeper\":{\"at\":[{\"point\":{\"ber_at_vdd\":0.001,"
                + "\"flips\":4}}]}}";
        assertThat(Json.compact(m)).isEqualTo(expected);
        assertThat(Json.write(m)).contains("\"error_model\" : \"uniform\"", "\"ber_at_vdd\" : 0.001")
                .doesNotContain("errorModel", "berAtVdd");
        assertThat(Json.write(List.of(p))).contains("\"ber_at_vdd\"").doesNotContain("berAtVdd");
        // the canonical text (sorted keys) names them the same way
        assertThat(Json.canonical(m)).contains("{\"error_model\":\"uniform\",\"trials\":3}")
                .contains("\"ber_at_vdd\":0.001").doesNotContain("errorModel", "berAtVdd");
        // a record given directly: its fields, as Json.fields makes them
        assertThat(Json.write(p)).isEqualTo(Json.write(Json.fields(p)));
    }

    @Test
    void aComponentIsFoundUnderItsSnakeCaseNameOrAsWrittenBeforeInCamelCase() {
        Map<String, Object> now = Map.of("ber_at_vdd", 1, "flips", 2);
        Map<String, Object> before = Map.of("berAtVdd", 1, "flips", 2);
        assertThat(Json.key(now::containsKey, "berAtVdd")).isEqualTo("ber_at_vdd");
        assertThat(Json.key(before::containsKey, "berAtVdd")).isEqualTo("berAtVdd");
        assertThat(Json.key(before::containsKey, "flips")).isEqualTo("flips");
        assertThat(Json.key(now::containsKey, "nextBer")).isNull();
    }

    @Test
    void snakeCaseLowersEachCapitalAfterAnUnderscore() {
        assertThat(Json.snakeCase("checkMaxAbsDiff")).isEqualTo("check_max_abs_diff");
        assertThat(Json.snakeCase("opset")).isEqualTo("opset");
    }
}
