package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.SyntheticTraces;

class TraceEnergyScalingTest {

    @Test
    void onlyTheCoreRailScales() {
        DramSpec lp = DramPresets.get("LPDDR3-1600");
        CommandTrace t = SyntheticTraces.random(lp, 3_000, 11);
        EnergyListener m = EnergyListener.over(lp, EnergyCounting.DRAMPOWER_4_1, t);
        double nominal = m.traceEnergy().coreJoules();
        // E(V) = A + B f(V): linear scaling at half the nominal voltage gives A + B/2
        double core = 2 * (nominal - m.traceEnergy(0.6, VoltageScaling.LINEAR, RailScaling.CORE_ONLY).coreJoules());
        double vdd1Only = nominal - core;
        assertThat(core).isPositive();
        double v = 1.0;
        assertThat(m.traceEnergy(v, VoltageScaling.QUADRATIC, RailScaling.CORE_ONLY).coreJoules())
                .isCloseTo(vdd1Only + core * (v / 1.2) * (v / 1.2), within(nominal * 1e-12));
        assertThat(m.traceEnergy(v, VoltageScaling.LINEAR, RailScaling.CORE_ONLY).coreJoules())
                .isCloseTo(vdd1Only + core * (v / 1.2), within(nominal * 1e-12));
        assertThat(vdd1Only).isPositive().isLessThan(nominal);
    }

    @Test
    void benchFiguresArePositiveAndConsistent() throws Exception {
        var r = org.undervolt.dram.bench.DramEnergyBench.run(DramPresets.get("DDR4-2400"), "DDR4-2400", 2_000, 1, 0, 1,
                java.nio.file.Files.createTempDirectory("bench"));
        CommandTrace t = SyntheticTraces.random(DramPresets.get("DDR4-2400"), 2_000, 1);
        assertThat(r.commands()).isEqualTo(t.size());
        assertThat(r.coreJoules()).isCloseTo(EnergyListener.over(DramPresets.get("DDR4-2400"), EnergyCounting.DRAMPOWER_4_1, t)
                .traceEnergy().coreJoules(), within(1e-18));
        assertThat(r.inMemoryPerS()).isPositive();
        assertThat(r.endToEnd().cpuSeconds()).as("a whole dram energy process: JVM start at least").isPositive();
        assertThat(r.endToEnd().wallSeconds()).isPositive();
        assertThat(r.endToEndVsDramPower41()).isPositive();
        assertThat(r.inProcessTrcPerS()).isPositive();
        assertThat(r.inProcessCsvPerS()).isPositive();
    }
}
