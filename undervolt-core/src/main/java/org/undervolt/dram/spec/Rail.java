package org.undervolt.dram.spec;

/**
 * One supply rail of a device: its name (VDD, VDD1, VDD2, VPP), nominal voltage and currents.
 *
 * @param name     rail name as in the datasheet
 * @param volts    nominal voltage in volts
 * @param currents datasheet currents drawn from this rail
 */
public record Rail(String name, double volts, RailCurrents currents) {
    public Rail {
        if (!(volts > 0) || Double.isInfinite(volts)) {
            throw new IllegalArgumentException("rail " + name + ": voltage must be positive, got " + volts);
        }
    }
}
