package org.undervolt.dram.energy;

/**
 * The core-rail voltage each subarray of a memory runs at, by flat bank ((channel × ranks + rank) × banks + bank)
 * and subarray index in the bank.
 */
@FunctionalInterface
public interface CoreVoltages {
    double volts(int flatBank, int subarray);

    /** Every subarray at {@code volts}. */
    static CoreVoltages uniform(double volts) {
        return (b, s) -> volts;
    }
}
