package org.undervolt.mapping;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceCurve;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;

/**
 * The bit error rate of one device run at a supply voltage and an activation latency: a BER(VDD) device (its
 * voltage axis applied to the module at the same fraction of nominal) and a BER(tRCD) device (its tRCD axis relative
 * to nominal, DIVA's 12.5 ns ↦ the module's nominal tRCD), combined as independent causes,
 * BER = 1 − (1 − BER_V)(1 − BER_tRCD). EDEN characterises the two knobs one at a time (Koppula et al., MICRO 2019,
 * §4; docs/PAPERS.md §2.3); treating them as independent is this project's assumption for points that lower both, and
 * such a point is only given a BER where the two devices are the same DIMM ({@link #hasCombinedData}; the bundled
 * Voltron and DIVA-DRAM DIMMs are different modules, so with them VDD and tRCD are lowered one at a time). Below a device's data
 * the {@link FloorPolicy} decides: {@code stop} rejects the setting, {@code extrapolate} follows the fitted law to its
 * limit ({@link DeviceCurve}); nothing is clamped silently.
 */
public final class OperatingPointBer {
    /**
     * The BER(VDD) device used when none is named: Voltron's B8, the lower median at 1.025 V (the bottom of SparkXD's
     * sweep) of the four DIMMs measured there (B1 0.005 %, B8 1.8 %, B9 20 %, B7 56 % of cache lines failing).
     */
    public static final String DEFAULT_VDD_DEVICE = "voltron:B8";
    /** The BER(tRCD) device used when none is named: DIVA's B23, the median device at tolerable BER 1e-4 (OperatingPoints.median). */
    public static final String DEFAULT_TRCD_DEVICE = "diva:B23";

    private final DeviceCurve vdd;
    private final DeviceCurve trcd;
    private final DeviceCurve vddUpper;
    private final FloorPolicy floor;
    private final double nominalVolts;
    private final int nominalTrcd;

    public OperatingPointBer(Device vddDevice, Device trcdDevice, BerBound bound, FloorPolicy floor, double nominalVolts,
                             int nominalTrcd) {
        if (vddDevice.knob() != Knob.VDD || trcdDevice.knob() != Knob.TRCD) {
            throw new InvalidInputException("expected a BER(VDD) device and a BER(tRCD) device, got " + vddDevice.name()
                    + " (" + vddDevice.knob() + ") and " + trcdDevice.name() + " (" + trcdDevice.knob() + ")");
        }
        this.vdd = vddDevice.curve(bound);
        this.vddUpper = vddDevice.curve(BerBound.UPPER);
        this.trcd = trcdDevice.curve(bound);
        this.floor = floor;
        this.nominalVolts = nominalVolts;
        this.nominalTrcd = nominalTrcd;
    }

    /** The default devices ({@link #DEFAULT_VDD_DEVICE}, {@link #DEFAULT_TRCD_DEVICE}), lower-bound BER, stop at the floor. */
    public static OperatingPointBer builtin(DramModule module) {
        return of(module, DeviceSet.select(DEFAULT_VDD_DEVICE).devices().get(0), FloorPolicy.STOP);
    }

    /** {@code vddDevice} with the default BER(tRCD) device, lower-bound BER. */
    public static OperatingPointBer of(DramModule module, Device vddDevice, FloorPolicy floor) {
        return new OperatingPointBer(vddDevice, DeviceSet.select(DEFAULT_TRCD_DEVICE).devices().get(0), BerBound.LOWER,
                floor, module.nominalVolts(), module.nominalTrcd());
    }

    public double nominalVolts() {
        return nominalVolts;
    }

    public int nominalTrcd() {
        return nominalTrcd;
    }

    /** The BER(VDD) device. */
    public Device vddDevice() {
        return vdd.device();
    }

    private double voltsScale() {
        return nominalVolts / vdd.device().nominal();
    }

    /** Lowest module voltage with a BER: the device's data floor, or its extrapolation limit under {@code extrapolate}. */
    public double lowestVolts() {
        double x = floor == FloorPolicy.EXTRAPOLATE ? vdd.extrapolationLimit() : vdd.floor();
        return Math.min(nominalVolts, x * voltsScale());
    }

    /** Lowest module voltage the device was measured at (usable points). */
    public double dataFloorVolts() {
        return Math.min(nominalVolts, vdd.floor() * voltsScale());
    }

    /** The fewest tRCD cycles at which the BER(tRCD) device shows no errors (nominal if none below it). */
    public int lowestErrorFreeTrcd() {
        DeviceCurve.Setting s = trcd.lowest(0, FloorPolicy.STOP);
        int c = (int) Math.ceil(s.x() / trcd.device().nominal() * nominalTrcd - 1e-9);
        return Math.max(1, Math.min(nominalTrcd, c));
    }

    /**
     * The fewest tRCD cycles the BER(tRCD) device has a BER for: its data floor, or its extrapolation limit under
     * {@code extrapolate} (nominal if the device has no point below nominal).
     */
    public int lowestTrcdWithData() {
        double x = floor == FloorPolicy.EXTRAPOLATE ? trcd.extrapolationLimit() : trcd.floor();
        int c = (int) Math.ceil(x / trcd.device().nominal() * nominalTrcd - 1e-9);
        return Math.max(1, Math.min(nominalTrcd, c));
    }

    /** The BER(tRCD) device. */
    public Device trcdDevice() {
        return trcd.device();
    }

    /**
     * Whether the BER(VDD) and BER(tRCD) devices are the same DIMM (same {@code family:id}, {@link
     * org.undervolt.dram.device.CombinedPoints}): only then does a setting below nominal on both knobs have data.
     */
    public boolean hasCombinedData() {
        return vdd.device().name().equals(trcd.device().name());
    }

    /** Why a setting lowering both knobs has no BER here (the devices differ). */
    public String noCombinedDataReason() {
        return "lowering VDD and tRCD together needs one DIMM measured at both: " + vdd.device().name() + " (BER(VDD)) and "
                + trcd.device().name() + " (BER(tRCD)) are different DIMMs; lower VDD (a voltage partition, nominal tRCD) or "
                + "tRCD (a latency partition, nominal VDD), or give a BER(VDD) and a BER(tRCD) table of the same DIMMs "
                + "('# dimms: NAME')";
    }

    /**
     * BER at {@code volts} and {@code trcdCycles}; a setting below the data (under the floor policy), or below nominal
     * on both knobs without {@link #hasCombinedData}, is rejected.
     */
    public double ber(double volts, int trcdCycles) {
        if (!(volts > 0) || volts > nominalVolts + 1e-9) {
            throw new InvalidInputException("partition voltage " + volts + " V outside (0, " + nominalVolts + "] V");
        }
        if (trcdCycles <= 0 || trcdCycles > nominalTrcd) {
            throw new InvalidInputException("partition tRCD " + trcdCycles + " cycles outside [1, " + nominalTrcd + "]");
        }
        if (volts < nominalVolts - 1e-9 && trcdCycles < nominalTrcd && !hasCombinedData()) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "%.4g V with tRCD %d of %d cycles: %s", volts,
                    trcdCycles, nominalTrcd, noCombinedDataReason()));
        }
        double bv = vdd.ber(volts / voltsScale(), floor);
        double bt = trcd.ber((double) trcdCycles / nominalTrcd * trcd.device().nominal(), floor);
        return 1 - (1 - bv) * (1 - bt);
    }

    /**
     * The BER(VDD) device's fraction of failing locations at {@code volts}: its upper-bound BER, which for Voltron's
     * devices is the measured fraction of 64-byte lines with a flipped bit (0 at and above the onset voltage).
     */
    public double failingFraction(double volts) {
        return vddUpper.ber(Math.min(volts, nominalVolts) / voltsScale(), floor);
    }

    /**
     * The lowest module voltage whose BER (at nominal tRCD) is at most {@code ber}: the device's curve read backwards
     * ({@link DeviceCurve#lowest}), so a point on a BER axis becomes this device's voltage. A BER above every
     * measured point gives the data floor (or the extrapolation limit under {@code extrapolate}).
     */
    public double voltsFor(double ber) {
        return Math.min(nominalVolts, vdd.lowest(ber, floor).x() * voltsScale());
    }

    /** Where the numbers come from. */
    public String source() {
        return "BER(VDD): device " + vdd.device().name() + " (Voltron per-DIMM data, lower bound f/512; floor " + floor
                + ") | BER(tRCD): device " + trcd.device().name() + " (DIVA-DRAM per-DIMM data, retention separated)";
    }
}
