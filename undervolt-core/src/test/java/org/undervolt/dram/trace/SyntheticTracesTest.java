package org.undervolt.dram.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.TraceEnergy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

class SyntheticTracesTest {
    private final DramSpec ddr4 = DramPresets.get("DDR4-2400");

    @Test
    void sameSeedSameTraceAndProtocolCorrect() {
        CommandTrace a = SyntheticTraces.random(ddr4, 20_000, 7);
        CommandTrace b = SyntheticTraces.random(ddr4, 20_000, 7);
        CommandTrace c = SyntheticTraces.random(ddr4, 20_000, 8);
        assertThat(a.size()).isEqualTo(b.size()).isGreaterThanOrEqualTo(20_000);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.cycle(i)).isEqualTo(b.cycle(i));
            assertThat(a.command(i)).isEqualTo(b.command(i));
            assertThat(a.bank(i)).isEqualTo(b.bank(i));
            if (i > 0) {
                assertThat(a.cycle(i)).isGreaterThan(a.cycle(i - 1));
            }
        }
        assertThat(c.endCycle()).isNotEqualTo(a.endCycle());
        TraceEnergy e = EnergyListener.over(ddr4, EnergyCounting.DRAMPOWER_5_1, a).traceEnergy();
        assertThat(e.cycles().ref()).isPositive();
        assertThat(e.cycles().act()).isEqualTo(a.counts().get(Command.ACT));
        assertThat(e.cycles().rd() + e.cycles().wr()).isGreaterThan(a.size() / 3);
    }

    @Test
    void writtenTracesReadBackToTheSameEnergy() throws IOException {
        CommandTrace t = SyntheticTraces.random(ddr4, 5_000, 3);
        for (TraceFormat f : TraceFormat.values()) {
            StringWriter w = new StringWriter();
            TraceWriter.write(t, f, ddr4.organization().banksPerGroup(), w);
            CommandTrace back = TraceReader.read("x", new StringReader(w.toString()), ddr4.organization(), null);
            assertThat(back.size()).isEqualTo(t.size());
            assertThat(back.endCycle()).isEqualTo(t.endCycle());
            for (EnergyCounting how : EnergyCounting.values()) {
                assertThat(EnergyListener.over(ddr4, how, back).traceEnergy().coreJoules())
                        .isCloseTo(EnergyListener.over(ddr4, how, t).traceEnergy().coreJoules(), within(1e-18));
            }
        }
    }
}
