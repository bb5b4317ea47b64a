package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;

/**
 * One operating-point question: for a tolerable BER, every characterised device's lowest VDD (or tRCD), what
 * limited it and what it saves on a part; and the combined (VDD and tRCD together) points of the DIMMs measured
 * against both knobs. The devices, and those to combine with, default by the knob; devices of the wrong knob are a
 * {@link BadSetting} ({@code devices}, {@code combine_with}).
 *
 * @param tolerableBer the highest BER the data tolerates, in [0, 1]
 * @param knob         what to lower; null: the devices' knob
 * @param devices      the devices; null: {@value #VDD_DEVICES}, or {@value #TRCD_DEVICES} for knob tRCD. Measured
 *                     against {@code knob} where one is given
 * @param part         the part the settings are applied to, relative to its nominal VDD / tRCD
 * @param law          how core-rail energy scales with VDD
 * @param floor        below a device's lowest measurement: stop there or extrapolate ({@link #FLOOR} by default)
 * @param bound        Voltron's failing-line fraction read as a per-bit BER ({@link #BOUND} by default)
 * @param combineWith  devices measured against the other knob, to pair with; null: {@value #TRCD_DEVICES} for VDD
 *                     devices, {@value #VDD_DEVICES} for tRCD devices
 */
public record OperatingPointRequest(double tolerableBer, Knob knob, DeviceSet devices, DramSpec part, VoltageScaling law,
        FloorPolicy floor, BerBound bound, DeviceSet combineWith) {

    /** The devices measured against VDD unless told: Voltron's DDR3L DIMMs. */
    public static final String VDD_DEVICES = "voltron";
    /** The devices measured against tRCD unless told: DIVA-DRAM's DDR3 DIMMs. */
    public static final String TRCD_DEVICES = "diva";
    /** The floor policy of a run that names none (and of the pipelines): stop at the lowest measurement. */
    public static final FloorPolicy FLOOR = FloorPolicy.STOP;
    /** The BER bound of a run that names none (and of the pipelines): Voltron's fraction / 512. */
    public static final BerBound BOUND = BerBound.LOWER;

    public OperatingPointRequest {
        BadSetting.within("tolerable_ber", tolerableBer, 0, 1, "a BER");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(bound, "bound");
        if (devices == null) {
            devices = DeviceSet.select(knob == Knob.TRCD ? TRCD_DEVICES : VDD_DEVICES);
        }
        if (knob != null && devices.knob() != knob) {
            throw BadSetting.worded("devices", " " + devices.selector() + ": its devices are measured against "
                    + devices.knob().label() + ", not ", "knob", " " + knob.label() + " (voltron*: vdd, diva*: trcd)");
        }
        if (combineWith == null) {
            combineWith = DeviceSet.select(devices.knob() == Knob.VDD ? TRCD_DEVICES : VDD_DEVICES);
        }
        if (combineWith.knob() == devices.knob()) {
            throw new BadSetting("combine_with", combineWith.selector(), "devices measured against the other knob ("
                    + (devices.knob() == Knob.VDD ? "trcd" : "vdd") + "), got " + combineWith.knob().label() + " devices");
        }
    }
}
