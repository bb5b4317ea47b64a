package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.io.JsonPins;
import org.undervolt.resilience.CurvePoint;

/** The demo's JSON (the documented output contract) is pinned to the byte: keys, order and number formatting. */
class DemoResultJsonTest {

    static DemoResult sample(OptionalDouble tolerable) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("limited_by", "tolerance");
        op.put("energy_saving_linear", 0.125);
        op.put("energy_saving_quadratic", 0.234375);
        op.put("energy_law", "quadratic");
        op.put("devices_summary", Map.of("devices", 3));
        op.put("other", List.of(1, 2));
        return new DemoResult(0.9875, 0.98, List.of(new CurvePoint(0, new double[] {0.98, 0.98}),
                new CurvePoint(1e-5, new double[] {0.97, 0.95, 0.1 + 0.2})), tolerable, 1.35, 1.1, 1.6916400000000002E-7,
                2.5e-3, 1.75e-3, new AccessCounts(100, 20, 70, 40, 10), 123456L, 500, true, 1.5, 2.25,
                Map.of("part", "DDR3L-1600"), Map.of("trials", 2), Map.of("version", "x"), op);
    }

    @Test
    void theJsonIsPinned() {
        JsonPins.assertPinned("demo-result", sample(OptionalDouble.of(1e-5)).toJson());
    }

    @Test
    void noTolerableBerIsNull() {
        JsonPins.assertPinned("demo-result-no-tolerable", sample(OptionalDouble.empty()).toJson());
    }
}
