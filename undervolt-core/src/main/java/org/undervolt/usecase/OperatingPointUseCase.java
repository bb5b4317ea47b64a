package org.undervolt.usecase;

import java.util.List;


import org.undervolt.dram.device.CombinedPoints;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPoints;

/**
 * Looks up every device's operating point at a tolerable BER ({@link OperatingPoints}) and the combined points of
 * the DIMMs measured against both knobs ({@link CombinedPoints}), the devices and their partners as the request
 * says or by default. The implementation behind {@code undervolt operating-point}.
 */
public final class OperatingPointUseCase {
    private OperatingPointUseCase() {
    }

    public static OperatingPointResult run(OperatingPointRequest r) {
        DeviceSet set = r.devices();
        OperatingPoints lookup = new OperatingPoints(set, r.part(), r.law(), r.floor(), r.bound());
        List<OperatingPoint> points = lookup.at(r.tolerableBer());
        DeviceSet other = r.combineWith();
        CombinedPoints.Result combined = set.knob() == Knob.VDD ? new CombinedPoints(lookup, other).at(r.tolerableBer())
                : new CombinedPoints(new OperatingPoints(other, r.part(), r.law(), r.floor(), r.bound()), set)
                        .at(r.tolerableBer());
        return new OperatingPointResult(r.tolerableBer(), lookup, points, combined, other.selector());
    }
}
