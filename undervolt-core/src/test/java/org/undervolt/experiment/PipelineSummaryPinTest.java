package org.undervolt.experiment;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;

/**
 * The pipelines' headline figures ({@code summary.json}, {@code --json}, the store's summary) pinned to the byte,
 * drawn from the pinned mapping / placement stage objects and small tolerance stage objects of both pipelines.
 */
class PipelineSummaryPinTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pin(String name) throws Exception {
        try (InputStream in = PipelineSummaryPinTest.class.getResourceAsStream("/pins/" + name + ".json")) {
            return Json.mapper().readValue(in, LinkedHashMap.class);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static PipelineSummary.Whereabouts extra() {
        return new PipelineSummary.Whereabouts(7L, null, "runs/x", "runs/x/report.html", "local",
                map("trials", 3, "part", "DDR4-2400_4Gb_x8"), null);
    }

    @Test
    void eden() throws Exception {
        for (boolean combination : new boolean[] {true, false}) {
            Map<String, Map<String, Object>> r = new LinkedHashMap<>();
            r.put("tolerance-baseline", map("baseline_accuracy", 0.9875, "coarse", map("tolerable_ber", 1e-4)));
            r.put("tolerance-retrained", map("baseline_accuracy", 0.985, "coarse", map("tolerable_ber", 1e-3),
                    "combination", combination ? map("validated", false, "bers", List.of()) : null));
            r.put("mapping", pin("mapping-stage-eden"));
            JsonPins.assertPinned("pipeline-summary-eden" + (combination ? "" : "-no-combination"),
                    PipelineSummary.of(EdenPipeline.KIND, r, extra()));
        }
        Map<String, Map<String, Object>> zero = new LinkedHashMap<>();
        zero.put("tolerance-baseline", map("baseline_accuracy", 0.5, "coarse", map("tolerable_ber", 0)));
        zero.put("tolerance-retrained", map("baseline_accuracy", 0.5, "coarse", map("tolerable_ber", 0.0)));
        Map<String, Object> m = new LinkedHashMap<>(pin("mapping-stage-eden"));
        m.remove("devices_summary"); // a stage recorded by an older version: without these, the plan's figures
        m.remove("limited_by");
        m.remove("operating_point");
        m.remove("operating_points");
        m.remove("priced_on");
        zero.put("mapping", m);
        JsonPins.assertPinned("pipeline-summary-eden-zero", PipelineSummary.of(EdenPipeline.KIND, zero, extra()));
    }

    @Test
    void sparkxd() throws Exception {
        for (boolean control : new boolean[] {true, false}) {
            Map<String, Map<String, Object>> r = new LinkedHashMap<>();
            r.put("tolerance", map("baseline", map("error_free", 0.8, "tolerable_ber", 1e-5),
                    "fault_aware", map("error_free", 0.79, "tolerable_ber", 1e-4),
                    "control", control ? map("error_free", 0.81, "tolerable_ber", 2e-5) : null));
            Map<String, Object> placement = new LinkedHashMap<>(pin("mapping-stage-sparkxd"));
            placement.put("deployed_network", "fault_aware");
            placement.put("weight_errors", "uniform");
            r.put("placement", placement);
            JsonPins.assertPinned("pipeline-summary-sparkxd" + (control ? "" : "-no-control"),
                    PipelineSummary.of(SparkxdPipeline.KIND, r, extra()));
        }
    }
}
