package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.OpenPageCounter;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.VoltageTimingTable;
import org.undervolt.dram.trace.Command;
import org.undervolt.dram.trace.CommandTrace;

class EnergyListenerTest {

    /**
     * The demo's figure (the analytic count × command-energy model, {@link AccessEnergyModel}, on the accesses of
     * an open-page replay) equals the listener's on the commands those accesses need.
     */
    @Test
    void onTheSameAccessesTheListenerEqualsTheDemosAnalyticFigure() {
        for (String part : List.of("LPDDR3-1600", "DDR3L-1600", "DDR4-2400")) {
            DramSpec spec = DramPresets.get(part);
            AccessEnergyModel analytic = new AccessEnergyModel(spec, VoltageScaling.QUADRATIC);
            for (double v : new double[] {spec.coreVolts(), spec.coreVolts() * 0.8}) {
                EnergyListener listener = new EnergyListener(spec, CoreVoltages.uniform(v), VoltageScaling.QUADRATIC, false);
                OpenPageCounter counter = new OpenPageCounter(AddressMapping.of("bank:row:column", spec.organization()),
                        listener);
                SplittableRandom r = new SplittableRandom(7);
                long space = spec.organization().capacityBytes();
                for (int i = 0; i < 20_000; i++) {
                    // runs of sequential bursts from random places: hits, misses and conflicts all occur
                    long start = r.nextLong(space / 64) * 64;
                    counter.accessRange(start, 64L * r.nextInt(1, 40), r.nextInt(4) == 0);
                }
                AccessCounts counts = counter.counts();
                assertThat(counts.hits()).isPositive();
                assertThat(counts.misses()).isPositive();
                assertThat(counts.conflicts()).isPositive();
                double expected = analytic.joules(counts, v);
                StreamEnergy e = listener.energy();
                // the listener adds command by command, the analytic model multiplies counts: equal to the rounding of ~10^6 additions
                assertThat(e.commandJoules()).as(part + " at " + v).isCloseTo(expected, offset(1e-9 * expected));
                CommandEnergies ce = CommandEnergies.legacy(spec, v, VoltageScaling.QUADRATIC);
                assertThat(e.get("act")).isCloseTo(ce.act() * counts.activates(), offset(1e-9 * expected));
                assertThat(e.get("pre")).isCloseTo(ce.pre() * counts.precharges(), offset(1e-9 * expected));
                assertThat(e.get("wr")).isCloseTo(ce.wr() * counts.writes(), offset(1e-9 * expected));
            }
        }
    }

    /**
     * Fed by the simulator at one voltage, the listener prices as DRAMPower 4.1 prices the same command stream. Both
     * end with a PREA at the drain cycle T (the last open banks close there) and END tRP later, so that DRAMPower
     * 4.1's window (END + END − 1 − T) and a simulated stream's (END + tRP − 1) are the same cycles.
     */
    @Test
    void onASimulatedStreamTheListenerEqualsDramPowerOnTheCommands() {
        DramSpec part = DramPresets.get("DDR4-2400").asRank();
        SimConfig cfg = SimConfig.of(SimSpec.of(part), "RoBaRaCoCh").withDrain(true);
        RequestTrace trace = RequestTrace.uniformRandom(5_000, 1L << 26, 0.3, 3);
        EnergyListener listener = new EnergyListener(part, CoreVoltages.uniform(part.coreVolts()),
                VoltageScaling.QUADRATIC, true);
        CommandTrace copy = new CommandTrace("copy", 1024);
        SimResult r = new DramSimulator(cfg).run(trace, (clk, ch, cmd, rank, bg, bank, row, col) -> {
            listener.command(clk, ch, cmd, rank, bg, bank, row, col);
            copy.add(clk, cmd.drampower(), rank, bank, false);
        });
        long t = r.drainCycles();
        listener.command(t, 0, SimCommand.PREA, 0, 0, 0, 0, 0);
        copy.add(t, Command.PREA, 0, 0, false);
        long end = t + part.timings().rp();
        listener.finish(end);
        copy.add(end, Command.END, 0, 0, false);
        TraceEnergy dp = EnergyListener.over(part, EnergyCounting.DRAMPOWER_4_1, copy).traceEnergy();
        StreamEnergy e = listener.energy();
        double core = 0;
        for (String k : List.of("act", "pre", "rd", "wr", "rda", "wra", "ref", "act_background", "pre_background")) {
            core += dp.get(k);
        }
        assertThat(e.totalJoules()).isCloseTo(core, offset(1e-12 * core));
        assertThat(e.get("ref")).isCloseTo(dp.get("ref"), offset(1e-12 * core));
        assertThat(e.backgroundJoules()).isCloseTo(dp.get("ref") + dp.get("act_background") + dp.get("pre_background"),
                offset(1e-12 * core));
        // and its full DRAMPower pricing is dram energy's, to the bit
        assertThat(listener.traceEnergy(part.coreVolts(), VoltageScaling.QUADRATIC,
                RailScaling.CORE_ONLY).totalJoules()).isEqualTo(dp.totalJoules());
    }

    /**
     * A stream over two channels: each channel's rank has its own banks and its own state (a trace names no channel,
     * so a simulated stream's rank is channel × ranks + rank); every rank spends the whole window active or
     * precharged, and the commands counted are the ones the simulator issued.
     */
    @Test
    void eachChannelsRanksAreTrackedApart() {
        DramSpec one = DramPresets.get("DDR4-2400").asRank();
        Organization o = one.organization();
        DramSpec part = one.withOrganization(new Organization(2, 1, o.bankGroups(), o.banks(),
                o.rows(), o.columns(), o.width(), o.devices(), o.burstLength(), o.dataRate(), o.subarrayRows()));
        SimConfig cfg = SimConfig.of(SimSpec.of(part), "RoBaRaCoCh").withDrain(true);
        RequestTrace trace = RequestTrace.uniformRandom(5_000, 1L << 28, 0.3, 3);
        EnergyListener listener = new EnergyListener(part, CoreVoltages.uniform(part.coreVolts()),
                VoltageScaling.QUADRATIC, true);
        long[] perChannel = new long[2];
        long[] acts = new long[1];
        SimResult r = new DramSimulator(cfg).run(trace, (clk, ch, cmd, rank, bg, bank, row, col) -> {
            listener.command(clk, ch, cmd, rank, bg, bank, row, col);
            perChannel[ch]++;
            acts[0] += cmd == SimCommand.ACT ? 1 : 0;
        });
        assertThat(perChannel[0]).isPositive();
        assertThat(perChannel[1]).isPositive();
        listener.finish(r.drainCycles());
        StateCycles s = listener.energy().cycles();
        assertThat(s.act()).isEqualTo(acts[0]);
        assertThat(s.rd() + s.wr()).isEqualTo(r.reads() + r.writes());
        assertThat(s.activeCycles() + s.prechargedCycles()).isEqualTo(2 * s.totalCycles());
    }

    /** What the operating-point work reads back: a run with tRCD/tRAS/tRP lengthened at a lower VDD takes longer. */
    @Test
    void lengthenedTimingsRunLongerAndCostMoreBackground() {
        DramSpec part = DramPresets.get("DDR3L-1600").asRank();
        double vLow = part.coreVolts() * 0.8;
        DramSpec slow = part.withTimings(VoltageTimingTable.builtin().at(part.timings(), vLow, part.coreVolts()));
        assertThat(slow.timings().rcd()).isGreaterThan(part.timings().rcd());
        RequestTrace trace = RequestTrace.uniformRandom(4_000, 1L << 26, 0.3, 5);
        CoreVoltages nominalVolts = CoreVoltages.uniform(part.coreVolts());
        SimulatedRun fast = SimulatedRun.of(SimConfig.of(SimSpec.of(part), "RoBaRaCoCh").withPagePolicy(PagePolicy.CLOSED, 1)
                .withDrain(true), trace, nominalVolts, VoltageScaling.QUADRATIC);
        SimulatedRun longer = SimulatedRun.of(SimConfig.of(SimSpec.of(slow), "RoBaRaCoCh").withPagePolicy(PagePolicy.CLOSED, 1)
                .withDrain(true), trace, nominalVolts, VoltageScaling.QUADRATIC);
        assertThat(longer.seconds()).isGreaterThan(fast.seconds());
        assertThat(longer.avgReadLatencySeconds()).isGreaterThan(fast.avgReadLatencySeconds());
        assertThat(longer.energy().get("pre_background") + longer.energy().get("act_background"))
                .isGreaterThan(fast.energy().get("pre_background") + fast.energy().get("act_background"));
        assertThat(longer.sim().reads()).isEqualTo(fast.sim().reads());
        assertThat(longer.energy().get("rd")).isEqualTo(fast.energy().get("rd"));
    }
}
