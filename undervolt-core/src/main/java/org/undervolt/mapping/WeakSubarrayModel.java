package org.undervolt.mapping;

import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.LocationAwareErrorModel;
import org.undervolt.dram.error.WeakCells;

/**
 * Weak subarrays that follow the supply voltage, the error model {@code weak-subarray} of the registry
 * ({@link WeakSubarrayErrorModels}): the one location model SparkXD's placement, fault-aware training and the
 * tolerance search share (issue 16, item 6). Subarray (b, s) of the module draws u(b, s), uniform in [0, 1),
 * from the device seed ({@link LocationAwareErrorModel} with {@link WeakCells#fixed}); it is unsafe at V when
 * u &lt; f(V), the device's measured fraction of failing 64-byte lines at V (Voltron's data, {@link
 * OperatingPointBer#failingFraction}). So each subarray has its own error-onset voltage f⁻¹(u), drawn from the
 * device's measured distribution, and lowering VDD only adds unsafe subarrays (f never falls as V falls). An unsafe
 * subarray errs at BER(V) / f(V), capped at 0.5, so the module's mean BER is the device's BER(V); a safe one is
 * error-free.
 *
 * @param ber        the device (its BER(VDD) curve on the module's voltage axis)
 * @param deviceSeed names the device's subarrays (which are weak first)
 */
public record WeakSubarrayModel(OperatingPointBer ber, long deviceSeed) {

    /** Fraction of subarrays unsafe at {@code volts}: the device's failing-line fraction f(V). */
    public double unsafeFraction(double volts) {
        return ber.failingFraction(volts);
    }

    /** The bit error rate inside an unsafe subarray at {@code volts}: BER(V) / f(V), at most 0.5 (0 where f is 0). */
    public double inSubarrayBer(double volts) {
        double f = unsafeFraction(volts);
        return f > 0 ? Math.min(0.5, ber.ber(volts, ber.nominalTrcd()) / f) : 0;
    }

    /** The error model of the module at {@code volts}: only its unsafe subarrays err, at {@link #inSubarrayBer}. */
    public LocationAwareErrorModel errorModel(double volts) {
        return errorModel(volts, WeakCells.fixed(deviceSeed));
    }

    /** {@link #errorModel(double)} with the subarrays' draws fixed by a device seed or redrawn per trial. */
    LocationAwareErrorModel errorModel(double volts, WeakCells weakCells) {
        return LocationAwareErrorModel.random(unsafeFraction(volts), inSubarrayBer(volts),
                LocationAwareErrorModel.Granularity.SUBARRAY, weakCells);
    }

    /** The highest module BER the device reaches: its BER at its lowest measured voltage (nominal tRCD). */
    public double maxBer() {
        return ber.ber(ber.lowestVolts(), ber.nominalTrcd());
    }

    /**
     * The model as the error-model registry's family {@code name} ({@link WeakSubarrayErrorModels}): a BER is read as
     * the lowest module voltage at which the device's BER is at most it ({@link OperatingPointBer#voltsFor}; a BER
     * above {@link #maxBer} stands for the device's lowest voltage), and the model there is {@link #errorModel}'s, its
     * subarrays' draws fixed or redrawn as {@code weakCells} says.
     */
    public ErrorModelFamily family(String name, WeakCells weakCells) {
        return ErrorModelFamily.of(name, maxBer(), axisBer -> {
            double v = ber.voltsFor(axisBer);
            return new WeakSubarrayErrorModel(v, unsafeFraction(v), inSubarrayBer(v), weakCells, errorModel(v, weakCells));
        });
    }

    /** BER of subarray {@code subarray} of flat bank {@code flatBank} at {@code volts} (0 when safe). */
    public double ber(int flatBank, int subarray, double volts) {
        return errorModel(volts).ber(deviceSeed, flatBank, subarray);
    }

    /** Whether the subarray errs at {@code volts}. */
    public boolean unsafe(int flatBank, int subarray, double volts) {
        return ber(flatBank, subarray, volts) > 0;
    }

    /** How many subarrays of {@code module} are unsafe at {@code volts}. */
    public int unsafeCount(DramModule module, double volts) {
        int n = 0;
        LocationAwareErrorModel m = errorModel(volts);
        for (int b = 0; b < module.totalBanks(); b++) {
            for (int s = 0; s < module.subarraysPerBank(); s++) {
                n += m.ber(deviceSeed, b, s) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** How many distinct subarrays {@code rows} occupies, and how many of them are unsafe at {@code volts}. */
    public int[] unsafeOf(RowList rows, DramModule module, double volts) {
        int subs = module.subarraysPerBank();
        java.util.BitSet seen = new java.util.BitSet();
        LocationAwareErrorModel m = errorModel(volts);
        int total = 0;
        int unsafe = 0;
        for (int k = 0; k < rows.rowCount(); k++) {
            int u = rows.banks()[k] * subs + rows.subarrays()[k];
            if (!seen.get(u)) {
                seen.set(u);
                total++;
                unsafe += m.ber(deviceSeed, rows.banks()[k], rows.subarrays()[k]) > 0 ? 1 : 0;
            }
        }
        return new int[] {unsafe, total};
    }

    /**
     * Where {@code bytes} of weights live by the module's address mapping: DRMap order over every subarray of the
     * module ({@link RowAllocator.Order#DRMAP}: a row, then the same row of the next bank, then of the next subarray),
     * the layout {@link SparkXdPlanner} gives weights that may use every subarray. A tensor of more rows than the
     * module has banks × subarrays touches every subarray.
     */
    public static RowList weightRows(DramModule module, long bytes) {
        return new RowAllocator(module, RowAllocator.Order.DRMAP).allocate("weights", bytes, (b, s) -> true);
    }

    /** "device voltron:A4, device seed 1". */
    public String describe() {
        return "device " + ber.vddDevice().name() + ", device seed " + deviceSeed;
    }
}
