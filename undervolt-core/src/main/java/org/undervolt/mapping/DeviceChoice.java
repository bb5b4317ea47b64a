package org.undervolt.mapping;

import java.util.List;
import java.util.Map;

import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.CombinedPoints;
import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPointSummary;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.device.ReferenceAccess;
import org.undervolt.dram.device.SavingModel;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * Which measured device a mapping run plans for, and the spread it stands for: every device of the selection at the
 * network's tolerable BER ({@link OperatingPoints}), the median one (by chosen voltage: a real DIMM, not an average)
 * planned with, and the summary ({@code devices_summary}) reported beside the plan.
 *
 * @param tolerance the tolerable BER the lookup was asked
 * @param points    every device's operating point
 * @param median    the median device's point
 * @param ber       the BER model of the median device for planning
 * @param lookup    the lookup the points came from (for the saving-versus-tolerance curve)
 */
public record DeviceChoice(double tolerance, List<OperatingPoint> points, OperatingPoint median, OperatingPointBer ber,
                           OperatingPoints lookup) {

    /** Points priced on the module part's reference access (no network traffic known). */
    public static DeviceChoice of(DramModule module, DeviceSet set, VoltageScaling law, FloorPolicy floor, double tolerance) {
        return of(module, set, law, floor, tolerance, new ReferenceAccess(module.part(), VoltageTimingTable.builtin()));
    }

    /** Points priced on {@code pricing} (a network's inference: {@link InferenceTracePricing}). */
    public static DeviceChoice of(DramModule module, DeviceSet set, VoltageScaling law, FloorPolicy floor, double tolerance,
                                  SavingModel pricing) {
        OperatingPoints lookup = new OperatingPoints(set, pricing, law, floor, BerBound.LOWER);
        List<OperatingPoint> pts = lookup.at(tolerance);
        OperatingPoint m = OperatingPoints.median(pts);
        return new DeviceChoice(tolerance, pts, m, OperatingPointBer.of(module, m.device(), floor), lookup);
    }

    /**
     * The same spread, planned with device {@code plan} (one of the selection) instead of the median: where a location
     * model fixed the device before the tolerance was known (SparkXD's weak subarrays, {@link WeakSubarrayModel}).
     */
    public DeviceChoice withPlanDevice(Device plan, DramModule module, FloorPolicy floor) {
        OperatingPoint p = points.stream().filter(q -> q.device().name().equals(plan.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(plan.name() + " is not one of the selected devices"));
        return new DeviceChoice(tolerance, points, p, OperatingPointBer.of(module, plan, floor), lookup);
    }

    /** The same choice with BER(tRCD) device {@code trcd} in its BER model (lower bound, as {@link #of}). */
    public DeviceChoice withTrcdDevice(Device trcd, DramModule module, FloorPolicy floor) {
        return new DeviceChoice(tolerance, points, median, new OperatingPointBer(median.device(), trcd, BerBound.LOWER, floor,
                module.nominalVolts(), module.nominalTrcd()), lookup);
    }

    /**
     * The combined points (VDD and tRCD lowered together) of the selection's DIMMs that are also the BER model's
     * BER(tRCD) device ({@link CombinedPoints}), or why there are none.
     */
    public CombinedPoints.Result combined() {
        Device t = ber.trcdDevice();
        return new CombinedPoints(lookup, new DeviceSet(t.name(), List.of(t), "")).at(tolerance);
    }

    /** The smallest nonzero tolerable BER of {@code items} (the data that goes to reduced voltage), 0 if none. */
    public static double tolerance(List<DataItem> items) {
        return items.stream().mapToDouble(DataItem::tolerableBer).filter(t -> t > 0).min().orElse(0);
    }

    /**
     * {tolerable_ber, priced_on, plan_device, plan_device_point, devices_summary, devices, saving_vs_tolerance,
     * combined_point}: saving_vs_tolerance is what more (or less) tolerance would buy on these devices ({@link
     * OperatingPointSummary#savingCurve} at {@link OperatingPointSummary#CURVE_TOLERANCES}, the lookup's pricing); combined_point the point lowering VDD and tRCD together, or why there is none ({@link #combined}).
     */
    public DeviceSpread describe() {
        return new DeviceSpread(tolerance, lookup.pricing().pricedOn(), median.device().name(), OperatingPointSummary.row(median),
                OperatingPointSummary.summary(points), OperatingPointSummary.rows(points),
                OperatingPointSummary.savingCurve(lookup, OperatingPointSummary.CURVE_TOLERANCES),
                OperatingPointSummary.combined(combined(), ber.trcdDevice().name()));
    }

    /**
     * The devices a plan stands for, as reported beside it ({@link OperatingPointSummary}'s objects).
     *
     * @param tolerableBer      the tolerable BER the devices were asked at
     * @param pricedOn          what every saving is priced on ({@link SavingModel#pricedOn})
     * @param planDevice        the device planned with
     * @param planDevicePoint   its operating point
     * @param devicesSummary    the spread over all devices
     * @param devices           every device's operating point
     * @param savingVsTolerance the spread at other tolerable BERs
     * @param combinedPoint     VDD and tRCD lowered together, or why not
     */
    public record DeviceSpread(double tolerableBer, String pricedOn, String planDevice, Map<String, Object> planDevicePoint,
            Map<String, Object> devicesSummary, List<Map<String, Object>> devices,
            List<Map<String, Object>> savingVsTolerance, Map<String, Object> combinedPoint) {
    }
}
