package org.undervolt.usecase;

import java.util.List;
import java.util.Map;

import org.undervolt.dram.device.CombinedPoints;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPointSummary;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.io.Json;

/**
 * What an operating-point lookup found.
 *
 * @param tolerableBer    the tolerable BER asked about
 * @param lookup          the lookup (devices, part's reference access, law, floor, bound)
 * @param points          every device's point, in the set's order
 * @param combined        the combined (VDD and tRCD) points, and why some or all DIMMs have none
 * @param combinedWith    the selector of the devices combined with
 */
public record OperatingPointResult(double tolerableBer, OperatingPoints lookup, List<OperatingPoint> points, CombinedPoints.Result combined,
        String combinedWith) {
    public OperatingPointResult {
        points = List.copyOf(points);
    }

    /** What the energy saving and latency change are of. */
    public static final String WORKLOAD = "row-miss reads to one bank (ACT, RD, PRE per row cycle, active standby in "
            + "between); latency: row-conflict read tRP + tRCD + RL; timings at VDD from the Voltron SPICE table";

    /**
     * The JSON object of the contract ({@code operating-point --json}): the settings, every device's point, their
     * summary, and the combined points.
     */
    public Map<String, Object> json() {
        Map<String, Object> out = Json.fields(new Described(tolerableBer, lookup.devices().knob().label(),
                lookup.devices().knob().unit(), lookup.devices().selector(), lookup.pricing().spec().name(),
                lookup.law().toString(), VoltageScaling.REASONING, lookup.floor().toString(), lookup.bound().toString(),
                lookup.pricing().pricedOn(), WORKLOAD, OperatingPointSummary.rows(points), OperatingPointSummary.summary(points)));
        out.put("combined", OperatingPointSummary.combined(combined, combinedWith));
        return out;
    }

    /** The JSON object before {@code combined}: its components are the keys, in order (snake_case). */
    private record Described(double tolerableBer, String knob, String unit, String devicesSelected, String part,
            String energyLaw, String energyLawReasoning, String floor, String berBound, String pricedOn, String workload,
            List<Map<String, Object>> devices, Map<String, Object> summary) {
    }
}
