package org.undervolt.mapping;

import java.util.List;
import java.util.Map;

import org.undervolt.dram.energy.SimulatedRun;
import org.undervolt.dram.energy.StreamEnergy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimTimings;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.spec.Timings;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * Runs the DRAM traffic of one inference through the cycle-level timing simulator ({@code DramSimulator}:
 * FR-FCFS, open or closed page, DRMap address decoding, refresh, drained to the last data) and prices the commands
 * it issues with the project's energy listener ({@link org.undervolt.dram.energy.EnergyListener}, via
 * {@link SimulatedRun}): DRAMPower 4.1's equations at the voltage of the subarray each command addresses, plus
 * refresh and background over the simulated duration, the module's subarrays each weighted by its share of the
 * module at its own voltage (docs/PAPERS.md §3.1, §3.4).
 *
 * <p>tRCD: the simulator takes one tRCD for the whole module, so a run uses the largest tRCD of the
 * partitions the traffic touches (exact for one setting for the whole module, EDEN's coarse-grained mapping;
 * conservative for per-partition tRCD).
 */
public final class InferenceSimulation {
    private static final VoltageTimingTable TIMING = VoltageTimingTable.builtin();
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

    /** The timing simulator's part at tRCD {@code trcdCycles} with the timings a core rail at {@code vdd} needs. */
    SimSpec simSpec(int trcdCycles, double vdd) {
        if (vdd >= module.nominalVolts()) {
            return module.simSpec(trcdCycles);
        }
        Timings raised = TIMING.at(module.spec().timings(), vdd, module.nominalVolts());
        Map<String, Integer> c = new java.util.LinkedHashMap<>();
        for (String k : new String[] {"RP", "RPpb", "RPab", "RAS", "RC", "RCpb", "RCab"}) {
            if (raised.has(k)) {
                c.put(k, raised.get(k));
            }
        }
        c.put("RCD", Math.max(trcdCycles, raised.rcd()));
        return module.simSpec(trcdCycles).withCycles(c);
    }

    private double lowestVolts(VoltageMap volts) {
        double v = module.nominalVolts();
        for (int b = 0; b < module.totalBanks(); b++) {
            for (int k = 0; k < module.subarraysPerBank(); k++) {
                v = Math.min(v, volts.volts(b, k));
            }
        }
        return v;
    }

    private static long bursts(Transfer t, int burst) {
        return t.length() == 0 ? 0 : (t.offset() + t.length() - 1) / burst - t.offset() / burst + 1;
    }

    /**
     * The controller settings {@link #run} simulates with: the part under its standard's protocol ({@link
     * DramModule#simSpec}) at the timings of {@link #simSpec(int, double)}, DRMap, this page policy, drained.
     */
    SimConfig config(int trcdCycles, VoltageMap volts) {
        return config(trcdCycles, lowestVolts(volts));
    }

    /** The same with the core rail at {@code vdd} (the timings of its lowest voltage): one timing set. */
    SimConfig config(int trcdCycles, double vdd) {
        return SimConfig.of(simSpec(trcdCycles, vdd), "DRMap").withPagePolicy(pagePolicy, 1).withDrain(true);
    }

    /**
     * Simulates {@code trace} at tRCD {@code trcdCycles} with the subarrays at {@code volts}. Lower voltage slows the
     * array (issue 16): tRCD, tRP and tRAS (and tRC with them) are raised by the VDD→timing table
     * ({@link VoltageTimingTable}, Voltron's SPICE model) at the lowest voltage of the map, for the whole module (the
     * simulator has one timing set per module; conservative where partitions differ); tRCD is the larger of
     * {@code trcdCycles} and the raised one. The longer run's refresh and background energy is priced.
     */
    public DramCost run(RequestTrace trace, int trcdCycles, VoltageMap volts) {
        SimConfig cfg = config(trcdCycles, volts);
        SimulatedRun run = SimulatedRun.of(cfg, trace, volts, scaling);
        SimResult r = run.sim();
        StreamEnergy e = run.energy();
        double tck = cfg.spec().part().timings().tckSeconds();
        SimTimings t = cfg.spec().timings();
        long rd = r.reads(), wr = r.writes();
        double serialCycles = 0;
        serialCycles += (double) (r.readHits() + r.writeHits()) * 0; // column latency added below for every request
        serialCycles += (double) (r.readMisses() + r.writeMisses()) * t.nRCD();
        serialCycles += (double) (r.readConflicts() + r.writeConflicts()) * (t.nRP() + t.nRCD());
        serialCycles += (double) rd * cfg.spec().readLatency() + (double) wr * (t.nCWL() + t.nBL());
        return new DramCost(Map.copyOf(e.joules()), e.totalJoules(), r.drainCycles(), r.drainCycles() * tck,
                serialCycles * tck, rd, wr, r.rowHits(), r.rowMisses(), r.rowConflicts(), trcdCycles);
    }
}
