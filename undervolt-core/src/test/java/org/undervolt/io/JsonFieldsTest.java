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

    @Test
    void snakeCaseLowersEachCapitalAfterAnUnderscore() {
        assertThat(Json.snakeCase("checkMaxAbsDiff")).isEqualTo("check_max_abs_diff");
        assertThat(Json.snakeCase("opset")).isEqualTo("opset");
    }
}
