package org.undervolt.dram.device;

import org.undervolt.dram.energy.CommandEnergies;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * The network-free workload the operating-point lookup prices: back-to-back row-miss reads to one bank (ACT, one
 * read burst, PRE per access), one access every row cycle tRC = tRAS + tRP, the device in active standby between
 * commands. Energy per access = ACT + RD + PRE (DRAMPower's command energies, {@link CommandEnergies#legacy}, core
 * rail at V by the energy law) + active-standby power × tRC; latency = the row-conflict read latency tRP + tRCD + RL.
 * At a reduced core voltage tRCD, tRP and tRAS grow by the VDD→timing table ({@link VoltageTimingTable}, Voltron's
 * SPICE model) so the longer row cycle's background energy is priced; the timings are kept in nanoseconds (not
 * rounded to cycles) so the saving is a smooth function of V.
 *
 * @param spec   the part
 * @param timing the VDD→timing table
 */
public record ReferenceAccess(DramSpec spec, VoltageTimingTable timing) implements SavingModel {
    /** {@link #pricedOn()}: what the savings of a network-free lookup are of. */
    public static final String PRICED_ON = "reference access";

    /** Energy of one access with the core rail at {@code volts}. */
    @Override
    public double joules(double volts, VoltageScaling law) {
        double[] f = factors(volts);
        Timings t = spec.timings();
        double trc = (t.ras() * f[2] + t.rp() * f[1]) * t.tckSeconds();
        CommandEnergies e = CommandEnergies.legacy(spec, volts, law);
        return e.act() + e.rd() + e.pre() + CommandEnergies.activeStandbyWatts(spec, volts, law) * trc;
    }

    /** Row-conflict read latency in seconds at {@code volts} with tRCD {@code trcdNs} (NaN: the VDD-raised nominal). */
    @Override
    public double latencySeconds(double volts, double trcdNs) {
        double[] f = factors(volts);
        Timings t = spec.timings();
        double rcd = Double.isNaN(trcdNs) ? t.rcd() * f[0] * t.tckSeconds() : trcdNs * 1e-9;
        return (t.rp() * f[1] + t.firstOf("RL", "CL")) * t.tckSeconds() + rcd;
    }

    @Override
    public String pricedOn() {
        return PRICED_ON;
    }
}
