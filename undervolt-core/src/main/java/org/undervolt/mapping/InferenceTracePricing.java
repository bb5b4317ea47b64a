package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.dram.device.SavingModel;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.CommandListener;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.VoltageTimingTable;

/**
 * A network's own inference as the workload an operating point is priced on ({@link SavingModel}): the DRAM
 * requests of one inference ({@link InferenceSimulation#trace}) through the cycle-level simulator with the timings
 * the VDD→timing table gives at V (tRCD, tRP, tRAS and tRC rounded up to whole cycles, {@link
 * InferenceSimulation#simSpec}), priced by the energy listener — the same simulation and listener the mapping
 * stage prices its plan with.
 *
 * <p><b>Layout.</b> Every item with a nonzero tolerable BER is in subarrays lowered to V; items that tolerate no
 * error (the output, and whatever a run keeps out of approximate DRAM) are laid out first in subarrays kept at
 * nominal voltage, as SparkXD's placement keeps them ({@link SparkXdPlanner#at}); rows in the run's row order. So
 * the layout does not depend on V, and at the voltage a uniform placement chooses it is that placement's layout.
 *
 * <p><b>One simulation per timing set.</b> The command stream depends on the timings only, and the timings are a
 * step function of V (whole cycles). For a fixed stream the listener's energy is affine in the law's factor
 * f(V) = law.factor(V, Vnom): each command energy and standby power is a sum over rails of a nominal value times a
 * rail factor, 1 on the rails that stay nominal and f(V) on the core rail, and each subarray is at V or at nominal.
 * So each distinct timing set is simulated once, with listeners at nominal and at half nominal under both laws in
 * the same pass, and E(V) = E(Vnom) − (E(Vnom) − E(V₀)) · (1 − f(V)) / (1 − f(V₀)) — exact up to rounding (checked
 * against a direct simulation by test). Not thread-safe.
 */
public final class InferenceTracePricing implements SavingModel {
    /** {@link #pricedOn()}. */
    public static final String PRICED_ON = "network inference trace";
    private static final VoltageTimingTable TIMING = VoltageTimingTable.builtin();
    private static final VoltageScaling[] LAWS = {VoltageScaling.LINEAR, VoltageScaling.QUADRATIC};

    private final DramModule module;
    private final InferenceSimulation sim;
    private final RequestTrace trace;
    private final boolean[] keptNominal;
    private final Map<Object, Priced> bySet = new HashMap<>();
    private final Map<Double, Priced> byVolts = new HashMap<>();

    /**
     * The stream priced for one timing set: duration, energy with every subarray at nominal, and with the lowered ones
     * at {@link #V0_REL} of nominal under each of {@link #LAWS}.
     */
    private record Priced(double seconds, double nominalJ, double[] lowJ) {
    }

    /** The relative voltage of the second pricing point (any positive value below 1 gives the same line). */
    private static final double V0_REL = 0.5;

    private InferenceTracePricing(DramModule module, InferenceSimulation sim, RequestTrace trace, boolean[] keptNominal) {
        this.module = module;
        this.sim = sim;
        this.trace = trace;
        this.keptNominal = keptNominal;
    }

    /**
     * The inference of {@code transfers} over {@code items} (their sizes and tolerable BERs) on {@code module},
     * rows handed out in {@code order}, under {@code policy}.
     */
    public static InferenceTracePricing of(DramModule module, PagePolicy policy, RowAllocator.Order order,
                                           List<DataItem> items, List<Transfer> transfers) {
        RowAllocator alloc = new RowAllocator(module, order);
        int subs = module.subarraysPerBank();
        boolean[] nominal = new boolean[module.totalBanks() * subs];
        List<DataItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((DataItem d) -> d.tolerableBer() > 0).thenComparingDouble(DataItem::tolerableBer)
                .thenComparing(DataItem::name));
        Map<String, RowList> layouts = new LinkedHashMap<>();
        for (DataItem d : sorted) {
            boolean lowered = d.tolerableBer() > 0;
            RowList rows = alloc.allocate(d.name(), d.bytes(), lowered ? (b, s) -> !nominal[b * subs + s] : (b, s) -> true);
            if (!lowered) {
                for (int k = 0; k < rows.rowCount(); k++) {
                    nominal[rows.banks()[k] * subs + rows.subarrays()[k]] = true;
                }
            }
            layouts.put(d.name(), rows);
        }
        InferenceSimulation s = new InferenceSimulation(module, VoltageScaling.DEFAULT, policy);
        return new InferenceTracePricing(module, s, s.trace(transfers, layouts), nominal);
    }

    @Override
    public DramSpec spec() {
        return module.part();
    }

    @Override
    public VoltageTimingTable timing() {
        return TIMING;
    }

    @Override
    public String pricedOn() {
        return PRICED_ON;
    }

    /** Energy of one inference (the whole module: every device of the rank) with the lowered subarrays at {@code volts}. */
    @Override
    public double joules(double volts, VoltageScaling law) {
        double vNom = module.nominalVolts();
        double v = Math.min(volts, vNom);
        Priced p = priced(v, -1);
        int k = law == VoltageScaling.LINEAR ? 0 : law == VoltageScaling.QUADRATIC ? 1 : -1;
        if (k < 0) {
            return direct(v, law);
        }
        double slope = (p.nominalJ() - p.lowJ()[k]) / (1 - law.factor(V0_REL * vNom, vNom));
        return p.nominalJ() - slope * (1 - law.factor(v, vNom));
    }

    /** Simulated duration of one inference (drained) at {@code volts} with tRCD {@code trcdNs} (NaN: the VDD-raised nominal). */
    @Override
    public double latencySeconds(double volts, double trcdNs) {
        int rcd = Double.isNaN(trcdNs) ? -1
                : Math.max(1, (int) Math.ceil(trcdNs * 1e-9 / module.spec().timings().tckSeconds() - 1e-9));
        return priced(Math.min(volts, module.nominalVolts()), rcd).seconds();
    }

    /** The simulator's configuration at {@code volts}: the VDD-raised timings, tRCD {@code rcd} cycles when ≥ 0. */
    private SimConfig config(double volts, int rcd) {
        SimConfig c = sim.config(module.nominalTrcd(), volts);
        return rcd < 0 ? c : c.withSpec(c.spec().withRcd(rcd));
    }

    private Priced priced(double volts, int rcd) {
        if (rcd < 0) { // a lookup asks every voltage of its grid many times: the set each one falls in, remembered
            return byVolts.computeIfAbsent(volts, v -> ofSet(v, -1));
        }
        return ofSet(volts, rcd);
    }

    /** The stream of the timing set {@code volts} (and tRCD {@code rcd} cycles when ≥ 0) needs, simulated once. */
    private Priced ofSet(double volts, int rcd) {
        SimConfig cfg = config(volts, rcd);
        return bySet.computeIfAbsent(cfg.spec().part().timings().cycles(), k -> simulate(cfg));
    }

    private EnergyListener listener(SimConfig cfg, double volts, VoltageScaling law) {
        return new EnergyListener(cfg.spec().part(), lowered(volts), law, true);
    }

    /** The voltage map priced at {@code volts}: the data that tolerates errors at it, the rest at nominal. */
    VoltageMap lowered(double volts) {
        int subs = module.subarraysPerBank();
        double vNom = module.nominalVolts();
        return (b, s) -> keptNominal[b * subs + s] ? vNom : volts;
    }

    private Priced simulate(SimConfig cfg) {
        double vNom = module.nominalVolts();
        EnergyListener[] ls = {listener(cfg, vNom, VoltageScaling.DEFAULT), listener(cfg, V0_REL * vNom, LAWS[0]),
            listener(cfg, V0_REL * vNom, LAWS[1])};
        CommandListener all = (clk, ch, cmd, rank, bg, bank, row, col) -> {
            for (EnergyListener l : ls) {
                l.command(clk, ch, cmd, rank, bg, bank, row, col);
            }
        };
        SimResult r = new DramSimulator(cfg).run(trace, all);
        for (EnergyListener l : ls) {
            l.finish(r.drainCycles());
        }
        return new Priced(r.drainCycles() * cfg.spec().part().timings().tckSeconds(), ls[0].energy().totalJoules(),
                new double[] {ls[1].energy().totalJoules(), ls[2].energy().totalJoules()});
    }

    /** One simulation priced at {@code volts} under a law other than the built-in ones (not cached). */
    private double direct(double volts, VoltageScaling law) {
        SimConfig cfg = config(volts, -1);
        EnergyListener l = listener(cfg, volts, law);
        SimResult r = new DramSimulator(cfg).run(trace, l);
        l.finish(r.drainCycles());
        return l.energy().totalJoules();
    }

    /** The inference's requests over the layout. */
    RequestTrace trace() {
        return trace;
    }

    /** How many distinct timing sets have been simulated (for tests: the cache works per set, not per voltage). */
    int simulations() {
        return bySet.size();
    }
}
