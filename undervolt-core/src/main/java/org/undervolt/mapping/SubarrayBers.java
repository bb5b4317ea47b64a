package org.undervolt.mapping;

import org.undervolt.dram.error.LocationAwareErrorModel;
import org.undervolt.dram.error.WeakCells;

/**
 * The bit error rate of every subarray of a module at a supply voltage: uniform (EDEN's error model 0, the
 * device's BER everywhere), or the registry's {@code weak-subarray} model (EnforceSNN, Putra et al., Front. Neurosci.
 * 2022: weak subarrays carry all the errors, the rest is error-free; here the weak set grows as VDD falls, see {@link
 * #weakSubarrays} and {@link WeakSubarrayErrorModels}). Weak subarrays are those {@link LocationAwareErrorModel} draws for the device
 * seed, so the error model that later injects flips agrees with the map the placement avoided ({@link
 * WeakSubarrayModel}, the one model placement, fault-aware training and the tolerance search share).
 */
public interface SubarrayBers {

    /** BER of subarray {@code subarray} of flat bank {@code flatBank} at {@code volts}. */
    double ber(int flatBank, int subarray, double volts);

    String describe();

    static SubarrayBers uniform(OperatingPointBer model) {
        return new SubarrayBers() {
            @Override
            public double ber(int flatBank, int subarray, double volts) {
                return model.ber(volts, model.nominalTrcd());
            }

            @Override
            public String describe() {
                return "uniform (EDEN model 0)";
            }
        };
    }

    /**
     * Weak subarrays that follow the voltage: subarray (b, s) draws u(b, s) uniform in [0, 1) from the device seed
     * ({@link LocationAwareErrorModel}, {@link WeakCells#fixed}) and is unsafe at V when u &lt; f(V), the device's
     * measured fraction of failing cache lines at V (Voltron's data; the BER upper-bound column). So each subarray has
     * its own error-onset voltage, f⁻¹(u), drawn from the device's measured distribution, and lowering VDD only
     * adds unsafe subarrays. An unsafe subarray errs at BER(V) / f(V) (capped at 0.5) so the module's mean BER is the
     * device's. {@code weakFraction} is only the switch that selects this model (below 1); the fraction of weak
     * subarrays is the device's f(V), no longer a fixed number.
     */
    static SubarrayBers weakSubarrays(OperatingPointBer model, double weakFraction, long deviceSeed) {
        if (!(weakFraction > 0 && weakFraction <= 1)) {
            throw new org.undervolt.InvalidInputException("--weak-fraction: expected a fraction in (0, 1], got " + weakFraction);
        }
        WeakSubarrayModel weak = new WeakSubarrayModel(model, deviceSeed);
        return new SubarrayBers() {
            @Override
            public double ber(int flatBank, int subarray, double volts) {
                return weak.ber(flatBank, subarray, volts);
            }

            @Override
            public String describe() {
                return WeakSubarrayErrorModels.NAME + " (subarrays follow VDD: unsafe when u < f(V) of " + weak.describe() + ")";
            }
        };
    }
}
