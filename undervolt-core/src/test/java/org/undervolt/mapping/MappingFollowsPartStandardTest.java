package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.Protocol;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.sim.SimTimings;
import org.undervolt.dram.sim.TimingConstraints;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;

/**
 * Mapping simulates every part of the preset registry under its own standard's rules: the spec {@link
 * InferenceSimulation} runs is the one {@code dram simulate --part NAME} runs (same part, same protocol), and the
 * commands it issues keep every timing row of the part's standard, checked here against the rows built from the
 * registry's part (not from the simulation's spec). Under the DDR protocol (what mapping ran LPDDR3 parts under before)
 * an LPDDR3 part breaks its rows: WR to PRE lacks the extra cycle of JESD209-3's write timing (WL + BL/2 + 1 + tWR).
 */
class MappingFollowsPartStandardTest {
    private static final int REQUESTS = 4000;

    @Test
    void everyRegistryPartIsSimulatedAsDramSimulateDoesAndKeepsItsStandardsRows() {
        for (String name : DramPresets.names()) {
            DramSpec part = DramPresets.get(name);
            DramModule module = DramModule.of(part);
            int trcd = module.nominalTrcd();
            // what dram simulate --part NAME simulates (cli.SimPart: the registry's part as a rank, 1 channel, 1 rank)
            SimSpec simulate = SimSpec.of(MemspecLoader.resolve(name).spec().asRank());
            assertThat(simulate.protocol()).as(name).isEqualTo(Protocol.of(part.standard()));
            RequestTrace trace = RequestTrace.uniformRandom(REQUESTS, module.organization().capacityBytes(), 0.3, 17);
            for (PagePolicy policy : PagePolicy.values()) {
                InferenceSimulation sim = new InferenceSimulation(module, VoltageScaling.QUADRATIC, policy);
                SimConfig nominal = sim.config(trcd, VoltageMap.uniform(module.nominalVolts()));
                assertThat(nominal.spec()).as(name + " " + policy).isEqualTo(simulate);
                List<long[]> mapped = commands(nominal, trace);
                List<long[]> simulated = commands(SimConfig.of(simulate, "DRMap").withPagePolicy(policy, 1)
                        .withDrain(true), trace);
                assertThat(mapped.size()).as(name + " " + policy + ": commands").isEqualTo(simulated.size());
                for (int i = 0; i < mapped.size(); i++) {
                    assertThat(mapped.get(i)).as(name + " " + policy + ": command " + i + " as dram simulate's")
                            .containsExactly(simulated.get(i));
                }
                Rows.check(name + " " + policy, rows(part.asRank(), trcd), module, mapped);

                // at a lower VDD the array timings are raised; the rows are still the standard's, at those timings
                SimConfig low = sim.config(trcd, VoltageMap.uniform(module.nominalVolts() * 0.85));
                assertThat(low.spec().protocol()).isEqualTo(Protocol.of(part.standard()));
                DramSpec raised = low.spec().part();
                assertThat(raised.timings().rcd()).as(name + " raised tRCD").isGreaterThan(trcd);
                Rows.check(name + " " + policy + " at 0.85 VDD", rows(raised, raised.timings().rcd()), module,
                        commands(low, trace));
            }
        }
    }

    /** The timing rows of {@code rank}'s standard at tRCD {@code trcd}, built from the part alone. */
    private static List<TimingConstraints.Constraint> rows(DramSpec rank, int trcd) {
        Protocol p = Protocol.of(rank.standard());
        return p.constraints(SimTimings.of(rank.withCycles(Map.of("RCD", trcd)), p));
    }

    /** The commands a simulation under {@code cfg} issues: {clk, command, rank, bank group, bank}. */
    private static List<long[]> commands(SimConfig cfg, RequestTrace trace) {
        List<long[]> out = new ArrayList<>();
        SimResult r = new DramSimulator(cfg).run(trace, (clk, ch, cmd, rank, bg, bank, row, col) ->
                out.add(new long[] {clk, cmd.ordinal(), rank, bg, bank}));
        assertThat(r.reads() + r.writes()).isEqualTo(REQUESTS);
        return out;
    }

    /**
     * Replays a command stream against timing rows: for each command, every row whose {@code following} it is must
     * be kept after the latest (or, with a window, the window-th latest) {@code preceding} at the same channel, rank,
     * bank group or bank (the other ranks for a sibling row). PREA and REF address a whole rank: rows at bank or bank
     * group level that they follow or precede apply to every bank of it.
     */
    private static final class Rows {
        private final Map<String, Deque<Long>> history = new HashMap<>();

        static void check(String what, List<TimingConstraints.Constraint> rows, DramModule module, List<long[]> cmds) {
            Rows h = new Rows();
            int ranks = module.organization().ranks();
            int banks = module.organization().banks();
            int groups = Math.max(1, module.organization().bankGroups());
            int checked = 0;
            for (long[] c : cmds) {
                long clk = c[0];
                SimCommand cmd = SimCommand.values()[(int) c[1]];
                int rank = (int) c[2];
                for (TimingConstraints.Constraint row : rows) {
                    if (row.following() != cmd) {
                        continue;
                    }
                    for (String node : nodes(row.level(), row.sibling(), cmd, rank, (int) c[3], (int) c[4], ranks, banks,
                            groups)) {
                        Deque<Long> past = h.history.get(row.preceding() + "@" + node);
                        if (past == null || past.size() < row.window()) {
                            continue;
                        }
                        long since = past.stream().skip(past.size() - row.window()).findFirst().orElseThrow();
                        assertThat(clk - since).as(what + ": " + row.preceding() + " -> " + cmd + " at " + node
                                + " (level " + row.level() + "), cycle " + clk).isGreaterThanOrEqualTo(row.latency());
                        checked++;
                    }
                }
                for (int level = TimingConstraints.CHANNEL; level <= TimingConstraints.BANK; level++) {
                    for (String node : nodes(level, false, cmd, rank, (int) c[3], (int) c[4], ranks, banks, groups)) {
                        Deque<Long> past = h.history.computeIfAbsent(cmd + "@" + node, k -> new ArrayDeque<>());
                        past.addLast(clk);
                        if (past.size() > 4) {
                            past.removeFirst();
                        }
                    }
                }
            }
            assertThat(checked).as(what + ": rows checked").isGreaterThan(cmds.size());
        }

        /** The nodes of {@code level} a command addresses (its own, or with {@code sibling} the other ranks). */
        private static List<String> nodes(int level, boolean sibling, SimCommand cmd, int rank, int group, int bank,
                                          int ranks, int banks, int groups) {
            List<String> out = new ArrayList<>();
            boolean wholeRank = cmd == SimCommand.PREA || cmd == SimCommand.REF;
            switch (level) {
                case TimingConstraints.CHANNEL -> out.add("ch");
                case TimingConstraints.RANK -> {
                    for (int r = 0; r < ranks; r++) {
                        if (sibling ? r != rank : r == rank) {
                            out.add("r" + r);
                        }
                    }
                }
                case TimingConstraints.BANKGROUP -> {
                    for (int g = 0; g < groups; g++) {
                        if (wholeRank || g == group) {
                            out.add("r" + rank + "g" + g);
                        }
                    }
                }
                default -> {
                    for (int b = 0; b < banks; b++) {
                        if (wholeRank || b == bank) {
                            out.add("r" + rank + "b" + b);
                        }
                    }
                }
            }
            return out;
        }
    }
}
