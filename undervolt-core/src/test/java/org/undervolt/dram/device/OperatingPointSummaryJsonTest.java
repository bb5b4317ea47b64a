package org.undervolt.dram.device;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.io.JsonPins;

/** The operating-point JSON (per device, summary, combined VDD+tRCD) is pinned to the byte. */
class OperatingPointSummaryJsonTest {

    @Test
    void rowsAndSummaryArePinned() {
        List<Device> d = DeviceSet.voltron().devices();
        List<OperatingPoint> points = List.of(
                new OperatingPoint(d.get(0), Knob.VDD, 1.1, 1.35, 1e-6, LimitedBy.TOLERANCE, 0.3, 0.18, 0.336, 0.05),
                new OperatingPoint(d.get(1), Knob.VDD, 1.2, 1.35, 0, LimitedBy.DATA_FLOOR, 0.2, 0.11, 0.21, 0.02));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", OperatingPointSummary.rows(points));
        m.put("summary", OperatingPointSummary.summary(points));
        JsonPins.assertPinned("operating-points", m);
    }

    @Test
    void combinedIsPinned(@TempDir Path dir) throws Exception {
        Path[] t = CombinedPointsTest.labTables(dir, true);
        OperatingPoints volts = new OperatingPoints(DeviceSet.select(t[0].toString()), DramPresets.get("DDR3L-1600"),
                VoltageScaling.QUADRATIC, FloorPolicy.STOP, BerBound.LOWER);
        DeviceSet trcd = DeviceSet.select(t[1].toString());
        CombinedPoints.Result r = new CombinedPoints(volts, trcd).at(1e-4);
        Map<String, Object> m = OperatingPointSummary.combined(r, "lab-trcd");
        m.put("reason", ((String) m.get("reason")).replace(dir.toString(), "DIR")); // the temporary folder varies
        JsonPins.assertPinned("operating-points-combined", m);
    }
}
