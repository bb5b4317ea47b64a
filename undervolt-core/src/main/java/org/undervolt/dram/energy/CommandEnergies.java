package org.undervolt.dram.energy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Rail;
import org.undervolt.dram.spec.RailCurrents;
import org.undervolt.dram.spec.Timings;

/**
 * Energy in joules of one command of one device, as DRAMPower 4.1 (legacy model,
 * {@code src/MemoryPowerModel.cc}) computes it, per rail and summed over rails:
 * <ul>
 *   <li>ACT = V·(IDD0 − IDD3N)·tRAS·tCK</li>
 *   <li>PRE = V·(IDD0 − IDD2N)·(tRC − tRAS)·tCK</li>
 *   <li>RD = V·(IDD4R − IDD3N)·(BL/DR)·tCK, per burst; WR the same with IDD4W</li>
 *   <li>REF = V·(IDD5B − IDD3N)·tRFC·tCK, per all-bank refresh</li>
 * </ul>
 * Background (standby) power is not a command energy; see {@link #activeStandbyWatts} /
 * {@link #prechargeStandbyWatts}. For MICRON_4Gb_LPDDR3-1600_32bit_A this gives ACT 2943 pJ, PRE 1107 pJ,
 * RD 1317 pJ, WR 1506 pJ, REF 26832 pJ (papers.md §3.3; golden DRAMPower 4.1 outputs).
 *
 * @param act joules per ACT
 * @param pre joules per PRE (per bank closed)
 * @param rd  joules per RD burst
 * @param wr  joules per WR burst
 * @param ref joules per all-bank REF
 */
public record CommandEnergies(double act, double pre, double rd, double wr, double ref) {

    /** Command energies of {@code spec} at nominal voltage on every rail. */
    public static CommandEnergies legacy(DramSpec spec) {
        return legacy(spec, spec.coreVolts(), VoltageScaling.QUADRATIC);
    }

    /** Command energies with the core rail at {@code coreVolts}, scaled by {@code scaling}; other rails nominal. */
    public static CommandEnergies legacy(DramSpec spec, double coreVolts, VoltageScaling scaling) {
        return legacy(spec, coreVolts, scaling, RailScaling.CORE_ONLY);
    }

    /** Command energies with the core rail at {@code coreVolts}; {@code rails} says which other rails follow it. */
    public static CommandEnergies legacy(DramSpec spec, double coreVolts, VoltageScaling scaling, RailScaling rails) {
        CommandEnergies sum = new CommandEnergies(0, 0, 0, 0, 0);
        for (Rail r : spec.requireCurrents().rails()) {
            sum = sum.plus(ofRail(spec, r).times(rails.factor(spec, r, coreVolts, scaling)));
        }
        return sum;
    }

    /** Command energies per rail (rail name → energies), at nominal voltage. */
    public static Map<String, CommandEnergies> perRail(DramSpec spec) {
        Map<String, CommandEnergies> m = new LinkedHashMap<>();
        for (Rail r : spec.rails()) {
            m.put(r.name(), ofRail(spec, r));
        }
        return m;
    }

    /** Command energies drawn from one rail at its nominal voltage. */
    public static CommandEnergies ofRail(DramSpec spec, Rail rail) {
        Timings t = spec.timings();
        Organization o = spec.organization();
        RailCurrents c = rail.currents();
        double vt = rail.volts() * t.tckSeconds();
        double act = (c.idd0() - c.idd3n()) * t.ras() * vt;
        double pre = (c.idd0() - c.idd2n()) * (t.rc() - t.ras()) * vt;
        double rd = (c.idd4r() - c.idd3n()) * o.burstCycles() * vt;
        double wr = (c.idd4w() - c.idd3n()) * o.burstCycles() * vt;
        double ref = (c.idd5() - c.idd3n()) * t.rfc() * vt;
        return new CommandEnergies(act, pre, rd, wr, ref);
    }

    /** Active-standby power (≥ 1 bank open) of one device, all rails, core rail at {@code coreVolts}. */
    public static double activeStandbyWatts(DramSpec spec, double coreVolts, VoltageScaling scaling) {
        return activeStandbyWatts(spec, coreVolts, scaling, RailScaling.CORE_ONLY);
    }

    /** Active-standby power with {@code rails} saying which rails follow the core rail. */
    public static double activeStandbyWatts(DramSpec spec, double coreVolts, VoltageScaling scaling, RailScaling rails) {
        double w = 0;
        for (Rail r : spec.requireCurrents().rails()) {
            w += r.volts() * r.currents().idd3n() * rails.factor(spec, r, coreVolts, scaling);
        }
        return w;
    }

    /** Precharge-standby power (all banks closed) of one device, all rails, core rail at {@code coreVolts}. */
    public static double prechargeStandbyWatts(DramSpec spec, double coreVolts, VoltageScaling scaling) {
        return prechargeStandbyWatts(spec, coreVolts, scaling, RailScaling.CORE_ONLY);
    }

    /** Precharge-standby power with {@code rails} saying which rails follow the core rail. */
    public static double prechargeStandbyWatts(DramSpec spec, double coreVolts, VoltageScaling scaling,
            RailScaling rails) {
        double w = 0;
        for (Rail r : spec.requireCurrents().rails()) {
            w += r.volts() * r.currents().idd2n() * rails.factor(spec, r, coreVolts, scaling);
        }
        return w;
    }

    public CommandEnergies plus(CommandEnergies o) {
        return new CommandEnergies(act + o.act, pre + o.pre, rd + o.rd, wr + o.wr, ref + o.ref);
    }

    public CommandEnergies times(double f) {
        return new CommandEnergies(act * f, pre * f, rd * f, wr * f, ref * f);
    }
}
