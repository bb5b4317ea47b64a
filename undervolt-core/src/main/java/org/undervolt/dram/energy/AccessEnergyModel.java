package org.undervolt.dram.energy;

import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.spec.DramSpec;

/**
 * Energy of a set of burst accesses ({@link AccessCounts}) on one device of a part, with the core rail at a
 * chosen voltage: ACT × (misses + conflicts) + PRE × conflicts + RD × reads + WR × writes, the command
 * energies of {@link CommandEnergies#legacy(DramSpec, double, VoltageScaling)}. This equals the sum of the
 * per-access energies of {@link AccessEnergy} (SparkXD's accounting). Background energy needs a duration:
 * {@link #backgroundJoules}.
 */
public record AccessEnergyModel(DramSpec spec, VoltageScaling scaling, RailScaling rails) {

    /** Only the core rail scaled ({@link RailScaling#CORE_ONLY}). */
    public AccessEnergyModel(DramSpec spec, VoltageScaling scaling) {
        this(spec, scaling, RailScaling.CORE_ONLY);
    }

    /** {@code spec} must give the currents ({@link DramSpec#requireCurrents()}); {@code rails}: which rails follow the core rail. */
    public AccessEnergyModel {
        spec = spec.requireCurrents();
    }

    /** Command energy in joules of {@code counts} with the core rail at {@code coreVolts}. */
    public double joules(AccessCounts counts, double coreVolts) {
        CommandEnergies e = CommandEnergies.legacy(spec, coreVolts, scaling, rails);
        return e.act() * counts.activates() + e.pre() * counts.precharges() + e.rd() * counts.reads()
                + e.wr() * counts.writes();
    }

    /** Command energy in joules at the nominal core voltage. */
    public double joulesNominal(AccessCounts counts) {
        return joules(counts, spec.coreVolts());
    }

    /**
     * Standby energy over {@code seconds}, a fraction {@code activeFraction} of it with at least one bank open
     * (IDD3N) and the rest precharged (IDD2N), core rail at {@code coreVolts}.
     */
    public double backgroundJoules(double seconds, double activeFraction, double coreVolts) {
        if (!(seconds >= 0) || !(activeFraction >= 0 && activeFraction <= 1)) {
            throw new IllegalArgumentException("seconds >= 0 and activeFraction in [0,1] required");
        }
        double pAct = CommandEnergies.activeStandbyWatts(spec, coreVolts, scaling, rails);
        double pPre = CommandEnergies.prechargeStandbyWatts(spec, coreVolts, scaling, rails);
        return seconds * (activeFraction * pAct + (1 - activeFraction) * pPre);
    }
}
