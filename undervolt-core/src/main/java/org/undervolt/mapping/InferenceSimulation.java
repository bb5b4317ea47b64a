package org.undervolt.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.dram.energy.CommandEnergies;
import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.StateCycles;
import org.undervolt.dram.energy.StateTracker;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimTimings;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.trace.CommandTrace;

/**
 * Runs the DRAM traffic of one inference through the cycle-level timing simulator ({@link DramSimulator}:
 * FR-FCFS, open or closed page, DRMap address decoding, refresh, drained to the last data) and prices every command it
 * issues with DRAMPower 4.1's equations at the voltage of the subarray it addresses, plus refresh and
 * background over the simulated duration, the module's subarrays each weighted by its share of the module at
 * its own voltage (docs/PAPERS.md §3.1, §3.4).
 *
 * <p>tRCD: the simulator takes one tRCD for the whole module, so a run uses the largest tRCD of the
 * partitions the traffic touches (exact for one setting for the whole module, EDEN's coarse-grained mapping;
 * conservative for per-partition tRCD).
 */
public final class InferenceSimulation {
    private final DramModule module;
    private final VoltageScaling scaling;
    private final PagePolicy pagePolicy;

    /** Open-page controller. */
    public InferenceSimulation(DramModule module, VoltageScaling scaling) {
        this(module, scaling, PagePolicy.OPEN);
    }

    /**
     * {@code pagePolicy} CLOSED precharges after every access, so every access pays tRCD: the latency-bound
     * case of a controller (or access pattern) without row-buffer locality.
     */
    public InferenceSimulation(DramModule module, VoltageScaling scaling, PagePolicy pagePolicy) {
        this.module = module;
        this.scaling = scaling;
        this.pagePolicy = pagePolicy;
    }

    /** The burst requests of {@code transfers} over the items laid out in {@code layouts}. */
    public RequestTrace trace(List<Transfer> transfers, Map<String, RowList> layouts) {
        int burst = module.organization().bytesPerBurst();
        long n = 0;
        for (Transfer t : transfers) {
            n += bursts(t, burst);
        }
        long[] a = new long[Math.toIntExact(n)];
        boolean[] w = new boolean[a.length];
        int k = 0;
        for (Transfer t : transfers) {
            RowList rows = layouts.get(t.item());
            if (rows == null) {
                throw new IllegalArgumentException("no layout for data item " + t.item());
            }
            if (t.length() == 0) {
                continue;
            }
            for (long b = t.offset() / burst; b <= (t.offset() + t.length() - 1) / burst; b++) {
                a[k] = rows.address(module, b * burst);
                w[k++] = t.write();
            }
        }
        return new RequestTrace("inference", a, w, null);
    }

    private static long bursts(Transfer t, int burst) {
        return t.length() == 0 ? 0 : (t.offset() + t.length() - 1) / burst - t.offset() / burst + 1;
    }

    /** Simulates {@code trace} at tRCD {@code trcdCycles} with the subarrays at {@code volts}. */
    public DramCost run(RequestTrace trace, int trcdCycles, VoltageMap volts) {
        DramSpec spec = module.specWithTrcd(trcdCycles);
        SimConfig cfg = SimConfig.of(module.simSpec(trcdCycles), "DRMap").withPagePolicy(pagePolicy, 1).withDrain(true);
        Pricing pricing = new Pricing(spec, volts);
        SimResult r = new DramSimulator(cfg).run(trace, pricing::command);
        pricing.commands.add(r.drainCycles(), org.undervolt.dram.trace.Command.END, 0, 0, false);
        StateCycles s = StateTracker.track(pricing.commands, spec, EnergyCounting.DRAMPOWER_4_1);
        Map<String, Double> j = pricing.joules;
        double tck = spec.timings().tckSeconds();
        int devices = module.organization().devices();
        double pAct = 0, pPre = 0, eRef = 0;
        int units = module.totalBanks() * module.subarraysPerBank();
        for (int b = 0; b < module.totalBanks(); b++) {
            for (int k = 0; k < module.subarraysPerBank(); k++) {
                double v = volts.volts(b, k);
                pAct += CommandEnergies.activeStandbyWatts(spec, v, scaling) / units;
                pPre += CommandEnergies.prechargeStandbyWatts(spec, v, scaling) / units;
                eRef += pricing.energies(v).ref() / units;
            }
        }
        j.put("ref", eRef * s.ref() * devices);
        j.put("act_background", pAct * tck * s.activeCycles() * devices);
        j.put("pre_background", pPre * tck * s.prechargedCycles() * devices);
        double total = j.values().stream().mapToDouble(Double::doubleValue).sum();
        SimTimings t = cfg.spec().timings();
        long rd = r.reads(), wr = r.writes();
        double serialCycles = 0;
        serialCycles += (double) (r.readHits() + r.writeHits()) * 0; // column latency added below for every request
        serialCycles += (double) (r.readMisses() + r.writeMisses()) * t.nRCD();
        serialCycles += (double) (r.readConflicts() + r.writeConflicts()) * (t.nRP() + t.nRCD());
        serialCycles += (double) rd * (t.nCL() + t.nBL()) + (double) wr * (t.nCWL() + t.nBL());
        return new DramCost(Map.copyOf(j), total, r.drainCycles(), r.drainCycles() * tck, serialCycles * tck, rd, wr,
                r.rowHits(), r.rowMisses(), r.rowConflicts(), trcdCycles);
    }

    /** Prices commands as they issue and records them for the background tracker. */
    private final class Pricing {
        final DramSpec spec;
        final VoltageMap volts;
        final Map<Double, CommandEnergies> cache = new HashMap<>();
        final Map<String, Double> joules = new LinkedHashMap<>();
        final CommandTrace commands = new CommandTrace("simulated", 1 << 16);
        final int[] openRow;
        final int rowsPerSub = module.rowsPerSubarray();
        final int banks = module.organization().banks();
        final int devices = module.organization().devices();

        Pricing(DramSpec spec, VoltageMap volts) {
            this.spec = spec;
            this.volts = volts;
            this.openRow = new int[module.totalBanks()];
            java.util.Arrays.fill(openRow, -1);
            for (String k : new String[] {"act", "pre", "rd", "wr"}) {
                joules.put(k, 0.0);
            }
        }

        CommandEnergies energies(double v) {
            return cache.computeIfAbsent(v, x -> CommandEnergies.legacy(spec, x, scaling));
        }

        void add(String key, double j) {
            joules.merge(key, j * devices, Double::sum);
        }

        void command(long clk, int channel, SimCommand cmd, int rank, int bankGroup, int bank, int row, int column) {
            int flat = (channel * module.organization().ranks() + rank) * banks + bank;
            commands.add(clk, cmd.drampower(), rank, bank, false);
            switch (cmd) {
                case ACT -> {
                    openRow[flat] = row;
                    add("act", at(flat, row).act());
                }
                case PRE -> {
                    add("pre", at(flat, openRow[flat] >= 0 ? openRow[flat] : row).pre());
                    openRow[flat] = -1;
                }
                case PREA -> {
                    int first = (channel * module.organization().ranks() + rank) * banks;
                    for (int b = first; b < first + banks; b++) {
                        if (openRow[b] >= 0) {
                            add("pre", at(b, openRow[b]).pre());
                            openRow[b] = -1;
                        }
                    }
                }
                case RD -> add("rd", at(flat, row).rd());
                case WR -> add("wr", at(flat, row).wr());
                case RDA -> {
                    add("rd", at(flat, row).rd());
                    add("pre", at(flat, row).pre());
                    openRow[flat] = -1;
                }
                case WRA -> {
                    add("wr", at(flat, row).wr());
                    add("pre", at(flat, row).pre());
                    openRow[flat] = -1;
                }
                case REF -> {
                    // priced from the tracker's count, voltage-weighted over the module
                }
            }
        }

        CommandEnergies at(int flatBank, int row) {
            return energies(volts.volts(flatBank, row / rowsPerSub));
        }
    }
}
