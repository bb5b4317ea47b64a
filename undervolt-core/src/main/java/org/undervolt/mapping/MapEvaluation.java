package org.undervolt.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;

/**
 * A plan priced: the same inference traffic over the same layout, simulated once with the module at nominal
 * voltage and tRCD and once at the plan's operating points, so the difference is what the reduced voltage and
 * latency buy.
 *
 * @param plan      the plan
 * @param dataflow  the dataflow's name
 * @param nominal   cost at nominal settings
 * @param chosen    cost at the plan's settings
 */
public record MapEvaluation(MapPlan plan, String dataflow, DramCost nominal, DramCost chosen) {

    public static MapEvaluation of(DramModule module, VoltageScaling scaling, MapPlan plan, Dataflow dataflow,
                                   List<Transfer> transfers) {
        return of(module, scaling, PagePolicy.OPEN, plan, dataflow, transfers);
    }

    public static MapEvaluation of(DramModule module, VoltageScaling scaling, PagePolicy policy, MapPlan plan,
                                   Dataflow dataflow, List<Transfer> transfers) {
        InferenceSimulation sim = new InferenceSimulation(module, scaling, policy);
        RequestTrace trace = sim.trace(transfers, plan.layouts());
        DramCost nominal = sim.run(trace, module.nominalTrcd(), VoltageMap.uniform(module.nominalVolts()));
        DramCost chosen = sim.run(trace, plan.trcdCycles(), plan.volts());
        return new MapEvaluation(plan, dataflow.name(), nominal, chosen);
    }

    /** Fraction of the nominal DRAM energy saved. */
    public double energySaving() {
        return 1 - chosen.totalJoules() / nominal.totalJoules();
    }

    /** Relative change of the simulated run's duration, chosen over nominal, minus 1 (≥ 0 when VDD is lowered alone). */
    public double latencyChange() {
        return chosen.seconds() / nominal.seconds() - 1;
    }

    /** Nominal time / chosen time of the simulated (bandwidth-bound, many requests in flight) run. */
    public double speedup() {
        return nominal.seconds() / chosen.seconds();
    }

    /** The same for the latency-bound estimate (one request at a time). */
    public double latencyBoundSpeedup() {
        return nominal.serialSeconds() / chosen.serialSeconds();
    }

    /** Per-burst traffic of each item: name → {reads, writes}. */
    public static Map<String, long[]> traffic(List<Transfer> transfers, int burstBytes) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (Transfer t : transfers) {
            if (t.length() == 0) {
                continue;
            }
            long n = (t.offset() + t.length() - 1) / burstBytes - t.offset() / burstBytes + 1;
            m.computeIfAbsent(t.item(), k -> new long[2])[t.write() ? 1 : 0] += n;
        }
        return m;
    }
}
