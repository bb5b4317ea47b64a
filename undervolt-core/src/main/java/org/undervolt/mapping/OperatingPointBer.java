package org.undervolt.mapping;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.BerTrcdTable;
import org.undervolt.dram.error.BerVoltageTable;

/**
 * The bit error rate of DRAM run at a supply voltage and an activation latency: the BER(VDD) table (voltage
 * axis rescaled to the module's nominal voltage, {@link BerVoltageTable#relativeTo}) and the BER(tRCD) table
 * (relative to the datasheet tRCD) combined as independent causes, BER = 1 − (1 − BER_V)(1 − BER_tRCD).
 * EDEN characterises the two knobs one at a time (Koppula et al., MICRO 2019, §4; docs/PAPERS.md §2.3);
 * treating them as independent is this project's assumption for points that lower both.
 */
public final class OperatingPointBer {
    private final BerVoltageTable vdd;
    private final BerTrcdTable trcd;
    private final double nominalVolts;
    private final int nominalTrcd;

    public OperatingPointBer(BerVoltageTable vdd, BerTrcdTable trcd, double nominalVolts, int nominalTrcd) {
        this.vdd = vdd.relativeTo(nominalVolts);
        this.trcd = trcd;
        this.nominalVolts = nominalVolts;
        this.nominalTrcd = nominalTrcd;
    }

    /** The built-in BER(VDD) (Voltron DDR3L vendor B) and BER(tRCD) (placeholder) tables applied to {@code module}. */
    public static OperatingPointBer builtin(DramModule module) {
        return new OperatingPointBer(BerVoltageTable.builtin(), BerTrcdTable.builtin(), module.nominalVolts(),
                module.nominalTrcd());
    }

    public double nominalVolts() {
        return nominalVolts;
    }

    public int nominalTrcd() {
        return nominalTrcd;
    }

    /** Lowest voltage the tables cover. */
    public double lowestVolts() {
        return vdd.lowestTabulatedVolts();
    }

    /** Lowest tRCD in cycles the tables cover. */
    public int lowestTrcd() {
        return (int) Math.ceil(trcd.relativeTrcds()[0] * nominalTrcd - 1e-9);
    }

    /** The fewest tRCD cycles at which the BER(tRCD) table shows no errors (nominal if none below it). */
    public int lowestErrorFreeTrcd() {
        java.util.OptionalDouble c = trcd.lowestTrcdCyclesFor(0, nominalTrcd);
        return c.isPresent() ? (int) Math.max(1, Math.min(nominalTrcd, c.getAsDouble())) : nominalTrcd;
    }

    /** BER at {@code volts} and {@code trcdCycles}. */
    public double ber(double volts, int trcdCycles) {
        if (!(volts > 0) || volts > nominalVolts + 1e-9) {
            throw new InvalidInputException("partition voltage " + volts + " V outside (0, " + nominalVolts + "] V");
        }
        if (trcdCycles <= 0 || trcdCycles > nominalTrcd) {
            throw new InvalidInputException("partition tRCD " + trcdCycles + " cycles outside [1, " + nominalTrcd + "]");
        }
        double bv = vdd.ber(volts);
        double bt = trcd.ber(trcdCycles, nominalTrcd);
        return 1 - (1 - bv) * (1 - bt);
    }

    /** Where the numbers come from. */
    public String source() {
        return "BER(VDD): " + vdd.source() + " | BER(tRCD): " + trcd.source();
    }
}
