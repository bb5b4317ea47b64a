package org.undervolt.mapping;

import org.undervolt.dram.error.LocationAwareErrorModel;
import org.undervolt.dram.error.WeakCells;

/**
 * The bit error rate of every subarray of a module at a supply voltage: uniform (EDEN's error model 0, the
 * table's BER everywhere), or location-aware (EnforceSNN, Putra et al., Front. Neurosci. 2022: a fixed fraction
 * of weak subarrays carries all the errors at BER(V) / fraction, so the module's mean BER is still the table's,
 * and the rest is error-free). Weak subarrays are those {@link LocationAwareErrorModel} draws for the device
 * seed, so the error model that later injects flips agrees with the map the placement avoided.
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

    static SubarrayBers weakSubarrays(OperatingPointBer model, double weakFraction, long deviceSeed) {
        if (!(weakFraction > 0 && weakFraction <= 1)) {
            throw new org.undervolt.InvalidInputException("--weak-fraction: expected a fraction in (0, 1], got " + weakFraction);
        }
        return new SubarrayBers() {
            @Override
            public double ber(int flatBank, int subarray, double volts) {
                return errorModel(volts).ber(deviceSeed, flatBank, subarray);
            }

            /** The location-aware error model of the device at {@code volts}. */
            LocationAwareErrorModel errorModel(double volts) {
                double weakBer = Math.min(0.5, model.ber(volts, model.nominalTrcd()) / weakFraction);
                return LocationAwareErrorModel.random(weakFraction, weakBer, LocationAwareErrorModel.Granularity.SUBARRAY,
                        WeakCells.fixed(deviceSeed));
            }

            @Override
            public String describe() {
                return "location-aware (weak subarrays, fraction " + weakFraction + ", device seed " + deviceSeed + ")";
            }
        };
    }
}
