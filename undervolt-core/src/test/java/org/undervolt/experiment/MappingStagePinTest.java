package org.undervolt.experiment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.io.JsonPins;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;

/** The pipelines' mapping (eden) and placement (sparkxd) stage objects pinned to the byte: keys, order, numbers. */
class MappingStagePinTest {

    @Test
    void edenMappingStage() {
        PipelineConfig c = PipelineConfig.preset("eden", "quick");
        var tol = new Tolerances(Map.of("weights", 1e-3, "ifm", 1e-5, "output", 0.0));
        JsonPins.assertPinned("mapping-stage-eden", MappingStage.run(NetworkShapes.resolve("lenet5", null, 0, "int8"), "eden",
                c, tol, 1e-4, 1e-3));
    }

    @Test
    void sparkxdPlacementStage() {
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick");
        var tol = new Tolerances(Map.of("weights", 1e-4, "ifm", 0.0));
        JsonPins.assertPinned("mapping-stage-sparkxd", MappingStage.run(NetworkShapes.resolve("snn", null, 100, "fp32"),
                "sparkxd", c, tol, 1e-5, 1e-4));
    }
}
