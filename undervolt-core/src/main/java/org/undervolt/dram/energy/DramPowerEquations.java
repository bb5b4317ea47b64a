package org.undervolt.dram.energy;

import java.util.HashMap;
import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.DramStandard;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Rail;
import org.undervolt.dram.spec.RailCurrents;
import org.undervolt.dram.spec.Timings;

/**
 * DRAMPower's equations over the commands and state cycles {@link EnergyListener} counted: energy equivalent to
 * DRAMPower 4.1 (legacy) or 5.1 (bank-wise), summed over every rail, with the core rail optionally at a reduced
 * voltage ({@link VoltageScaling}) and the other rails following it or not ({@link RailScaling}).
 *
 * <p>DRAMPower 4.1 ({@code src/MemoryPowerModel.cc}, per rail): ACT V(IDD0−IDD3N)tRAS, PRE V(IDD0−IDD2N)(tRC−tRAS),
 * RD/WR V(IDD4R/W−IDD3N)(BL/DR), REF V(IDD5−IDD3N)tRFC, active/precharged standby V·IDD3N / V·IDD2N per
 * cycle (× ranks), power-down IDD2P0/1, IDD3P0/1, self refresh IDD6; all × tCK.
 *
 * <p>DRAMPower 5.1 ({@code standards/<std>/core_calculation_<std>.cpp}, per rail, with rho = factRho and
 * I_beta): I_rho = rho(IDD3N−IDD2N)+IDD2N, I_theta = (IDD0(tRP+tRAS) − I_beta·tRP)/tRAS. DDR4/DDR5 (and DDR3):
 * ACT V(I_theta − I_1)tRAS with I_1 = (IDD3N + (B−1)I_rho)/B, REF V(IDD5B − IDD3N)tRFC, bank-wise background
 * V(IDD3N − I_rho)/B per bank-active cycle. LPDDR4/LPDDR5 (and LPDDR3): ACT V(I_theta − IDD3N)tRAS, REF
 * V(IDD5 − I_3N*)tRFC with I_3N* = I_rho + B(IDD3N − I_rho), bank-wise background V(IDD3N − I_rho) per
 * bank-active cycle. All: PRE V(I_beta − IDD2N)tRP, RD/WR V(IDD4R/W − IDD3N)(BL/DR) per tCK (per tWCK =
 * tCK/WCK2CK for LPDDR5), shared background V·I_rho per rank-active cycle, precharged V·IDD2N per cycle;
 * × devices. The golden cases in {@code golden/dram/} agree within 1e-6 relative.
 */
final class DramPowerEquations {
    private DramPowerEquations() {
    }

    /**
     * Energy of the counted commands and cycles {@code s} of a stream on {@code spec} under {@code counting}, with
     * the core rail at {@code coreVolts} scaled by {@code scaling}; {@code rails} says which rails follow it.
     */
    static TraceEnergy price(DramSpec spec, EnergyCounting counting, StateCycles s, double coreVolts,
                             VoltageScaling scaling, RailScaling rails) {
        Map<String, Double> sum = new HashMap<>();
        for (Rail r : spec.rails()) {
            double f = rails.factor(spec, r, coreVolts, scaling);
            Map<String, Double> e = counting == EnergyCounting.DRAMPOWER_4_1 ? legacy(spec, r, s) : bankwise(spec, r, s);
            e.forEach((k, v) -> sum.merge(k, v * f * spec.organization().devices(), Double::sum));
        }
        Map<String, Double> io = counting == EnergyCounting.DRAMPOWER_4_1 ? LegacyIoModel.energy(spec, s) : null;
        return new TraceEnergy(counting, sum, io, s);
    }

    private static Map<String, Double> legacy(DramSpec spec, Rail r, StateCycles s) {
        Timings t = spec.timings();
        RailCurrents c = r.currents();
        CommandEnergies e = CommandEnergies.ofRail(spec, r);
        double vt = r.volts() * t.tckSeconds();
        // DRAMPower 4 traces carry no rank: one rank is tracked and background is counted for every rank
        int ranks = spec.organization().ranks();
        Map<String, Double> m = new HashMap<>();
        m.put("act", e.act() * s.act());
        m.put("pre", e.pre() * s.pre());
        m.put("rd", e.rd() * s.rd());
        m.put("wr", e.wr() * s.wr());
        m.put("rda", (e.rd() + e.pre()) * s.rda());
        m.put("wra", (e.wr() + e.pre()) * s.wra());
        m.put("ref", e.ref() * s.ref());
        m.put("act_background", vt * c.idd3n() * s.activeCycles() * ranks);
        m.put("pre_background", vt * c.idd2n() * s.prechargedCycles() * ranks);
        m.put("power_down", vt * ranks * (c.idd3p1() * s.pdnActFast() + c.idd3p0() * s.pdnActSlow()
                + c.idd2p1() * s.pdnPreFast() + c.idd2p0() * s.pdnPreSlow()));
        // DRAMPower 4.1 engy_sref + self-refresh auto-refresh background: IDD6 after the entry refresh, IDD5 − IDD3N
        // over the entry refresh, IDD3P0 / IDD2P0 background during its active / precharged part
        m.put("self_refresh", vt * ranks * (c.idd6() * s.srefIdd6()
                + (c.idd5() - c.idd3n()) * (s.srefRefAct() + s.srefRefPre() + s.srefRefAfterExit())
                + c.idd3p0() * s.srefRefAct() + c.idd2p0() * s.srefRefPre()));
        return m;
    }

    private static Map<String, Double> bankwise(DramSpec spec, Rail r, StateCycles s) {
        Timings t = spec.timings();
        Organization o = spec.organization();
        RailCurrents c = r.currents();
        double v = r.volts();
        double tck = t.tckSeconds();
        double tRas = t.ras() * tck;
        double tRp = t.rp() * tck;
        double tRfc = t.rfc() * tck;
        int banks = o.banks();
        double rho = spec.rho();
        double iRho = rho * (c.idd3n() - c.idd2n()) + c.idd2n();
        double iTheta = (c.idd0() * (tRp + tRas) - c.ibeta() * tRp) / tRas;
        boolean lp = spec.standard() == DramStandard.LPDDR3 || spec.standard() == DramStandard.LPDDR4
                || spec.standard() == DramStandard.LPDDR5;
        double actEach;
        double refEach;
        double bankwisePerCycle;
        if (lp) {
            double approx3n = iRho + banks * (c.idd3n() - iRho);
            actEach = v * (iTheta - c.idd3n()) * tRas;
            refEach = v * (c.idd5() - approx3n) * tRfc;
            bankwisePerCycle = v * (approx3n - iRho) / banks * tck;
        } else {
            double i1 = (c.idd3n() + (banks - 1) * iRho) / banks;
            actEach = v * (iTheta - i1) * tRas;
            refEach = v * (c.idd5() - c.idd3n()) * tRfc;
            bankwisePerCycle = v * (c.idd3n() - iRho) / banks * tck;
        }
        double preEach = v * (c.ibeta() - c.idd2n()) * tRp;
        double columnTime = tck;
        if (spec.standard() == DramStandard.LPDDR5 && t.firstOf("WCK2CK") > 0) {
            columnTime = tck / t.firstOf("WCK2CK");
        }
        int burst = o.burstLength() / o.dataRate();
        double rdEach = v * (c.idd4r() - c.idd3n()) * burst * columnTime;
        double wrEach = v * (c.idd4w() - c.idd3n()) * burst * columnTime;
        Map<String, Double> m = new HashMap<>();
        m.put("act", actEach * s.act());
        m.put("pre", preEach * s.pre());
        m.put("rd", rdEach * s.rd());
        m.put("wr", wrEach * s.wr());
        m.put("rda", (rdEach + preEach) * s.rda());
        m.put("wra", (wrEach + preEach) * s.wra());
        m.put("ref", refEach * s.ref());
        m.put("act_background", v * iRho * tck * s.activeCycles() + bankwisePerCycle * s.bankActiveCycles());
        m.put("pre_background", v * c.idd2n() * tck * s.prechargedCycles());
        m.put("power_down", v * tck * (c.idd3p0() * (s.pdnActFast() + s.pdnActSlow())
                + c.idd2p0() * (s.pdnPreFast() + s.pdnPreSlow())));
        m.put("self_refresh", v * tck * c.idd6() * s.selfRefresh());
        return m;
    }
}
