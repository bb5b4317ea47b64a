package org.undervolt.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.io.JsonPins;

/** The JSON of a mapping study (plan, costs, partitions) is pinned to the byte: keys, order, number formatting. */
class MapStudyJsonTest {

    private static DramCost cost(double scale, int trcd) {
        Map<String, Double> j = new TreeMap<>(Map.of("RD", 1.5e-6 * scale, "ACT", 2.25e-7 * scale));
        return new DramCost(j, 1.725e-6 * scale, 1000, 1.25e-6 * scale, 2e-6, 40, 10, 30, 12, 8, trcd);
    }

    @Test
    void anEvaluationIsPinned() {
        List<DataItem> items = List.of(new DataItem("conv1.w", 1024, 16, 0, 1e-4), new DataItem("fc.w", 70000, 1100, 2, 1e-6));
        Map<String, RowList> layouts = new LinkedHashMap<>();
        layouts.put("conv1.w", new RowList("conv1.w", 1024, new int[] {0}, new int[] {1}, new int[] {5}));
        layouts.put("fc.w", new RowList("fc.w", 70000, new int[] {0, 1}, new int[] {1, 2}, new int[] {6, 7}));
        MapPlan plan = new MapPlan("eden", layouts, VoltageMap.uniform(1.2), 9, Map.of("conv1.w", "p0", "fc.w", "p1"),
                Map.of("conv1.w", 1e-5, "fc.w", 0.0), List.of("chosen 1.2 V"));
        MapEvaluation e = new MapEvaluation(plan, "streaming", cost(1, 11), cost(0.8, 9));
        JsonPins.assertPinned("map-evaluation", MapStudy.describe(e, items));
    }

    @Test
    void partitionsArePinned() {
        DramModule ddr3l = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
        PartitionSet s = PartitionSet.generate(ddr3l, OperatingPointBer.builtin(ddr3l), VoltageScaling.QUADRATIC,
                Granularity.BANK, 4, 1.025, 0.7);
        JsonPins.assertPinned("map-partitions", MapStudy.describe(s));
    }
}
