package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Rail;
import org.undervolt.dram.spec.RailCurrents;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.TraceReader;

/** Power-down and self-refresh accounting on a hand-checked trace (LPDDR3: tRFC 104, tRP 15, 8 banks). */
class PowerDownSelfRefreshTest {
    private final DramSpec lp = DramPresets.get("LPDDR3-1600");

    private CommandTrace trace() throws IOException {
        String t = "0,PDN_F_PRE,0\n100,PUP_PRE,0\n110,ACT,0\n150,PDN_S_ACT,0\n250,PUP_ACT,0\n300,PRE,0\n"
                + "320,SREN,0\n1000,SREX,0\n1100,END,0\n";
        return TraceReader.read("pd.trc", new StringReader(t), lp.organization(), null);
    }

    @Test
    void legacyCounting() throws IOException {
        StateCycles s = EnergyListener.over(lp, EnergyCounting.DRAMPOWER_4_1, trace()).cycles();
        // END 1100 + (1099 - 1000: precharged since SREX), as DRAMPower 4.1 reports (1199 cycles, 229 precharged)
        assertThat(s.totalCycles()).isEqualTo(1199);
        assertThat(s.pdnPreFast()).isEqualTo(100);
        assertThat(s.pdnActSlow()).isEqualTo(100);
        assertThat(s.activeCycles()).isEqualTo(40 + 50);
        assertThat(s.prechargedCycles()).isEqualTo(10 + 20 + 100 + 99);
        assertThat(s.selfRefresh()).isEqualTo(680);
        assertThat(s.srefRefAct()).isEqualTo(89);
        assertThat(s.srefRefPre()).isEqualTo(15);
        assertThat(s.srefIdd6()).isEqualTo(576);
        assertThat(s.ref()).isZero();
        TraceEnergy e = EnergyListener.over(lp, EnergyCounting.DRAMPOWER_4_1, trace()).traceEnergy();
        double pd = 0;
        double sref = 0;
        for (Rail r : lp.rails()) {
            RailCurrents c = r.currents();
            double vt = r.volts() * lp.timings().tckSeconds();
            pd += vt * (c.idd2p1() * 100 + c.idd3p0() * 100);
            sref += vt * (c.idd6() * 576 + (c.idd5() - c.idd3n()) * 104 + c.idd3p0() * 89 + c.idd2p0() * 15);
        }
        assertThat(e.get("power_down")).isCloseTo(pd, within(1e-18));
        assertThat(e.get("self_refresh")).isCloseTo(sref, within(1e-18));
        assertThat(e.get("ref")).isZero();
    }

    @Test
    void bankwiseCountingImpliesARefreshAtSelfRefreshEntry() throws IOException {
        StateCycles s = EnergyListener.over(lp, EnergyCounting.DRAMPOWER_5_1, trace()).cycles();
        assertThat(s.totalCycles()).isEqualTo(1100);
        assertThat(s.ref()).isEqualTo(1);
        assertThat(s.activeCycles()).isEqualTo(40 + 50 + 104);
        assertThat(s.bankActiveCycles()).isEqualTo(40 + 50 + 104 * 8);
        assertThat(s.selfRefresh()).isEqualTo(576);
        assertThat(s.prechargedCycles()).isEqualTo(10 + 20 + 100);
        assertThat(s.pdnPreFast() + s.pdnPreSlow() + s.pdnActFast() + s.pdnActSlow()).isEqualTo(200);
        TraceEnergy e = EnergyListener.over(lp, EnergyCounting.DRAMPOWER_5_1, trace()).traceEnergy();
        double sref = 0;
        for (Rail r : lp.rails()) {
            sref += r.volts() * lp.timings().tckSeconds() * r.currents().idd6() * 576;
        }
        assertThat(e.get("self_refresh")).isCloseTo(sref, within(1e-18));
        assertThat(e.get("ref")).isPositive();
    }
}
