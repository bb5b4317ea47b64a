package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.io.Json;

/**
 * One mapping question answered end to end: the network's data items with their traffic under a dataflow and
 * their tolerances, a plan by the chosen scheme, and the plan priced at nominal and chosen settings.
 */
public final class MapStudy {
    private MapStudy() {
    }

    /** The data items of {@code net} with their per-inference bursts under {@code transfers}. */
    public static List<DataItem> items(NetworkData net, List<Transfer> transfers, int burstBytes, Tolerances tol) {
        Map<String, long[]> traffic = MapEvaluation.traffic(transfers, burstBytes);
        List<DataItem> items = new ArrayList<>();
        for (String n : net.itemNames()) {
            long[] rw = traffic.getOrDefault(n, new long[2]);
            items.add(new DataItem(n, net.bytesOf(n), rw[0], rw[1], tol.of(n)));
        }
        return items;
    }

    /** Greedy and exact costs of one mapping problem (per-burst energy model), and greedy's gap. */
    public static Map<String, Object> compareMappers(MappingProblem pr) {
        Map<String, Object> cmp = new LinkedHashMap<>();
        Assignment g = GreedyMapper.map(pr);
        cmp.put("greedy_joules", g.complete() ? g.joules() : null);
        if (pr.itemCount() <= ExactMapper.MAX_ITEMS && pr.partitionCount() <= ExactMapper.MAX_PARTITIONS) {
            Assignment x = ExactMapper.map(pr);
            cmp.put("exact_joules", x.complete() ? x.joules() : null);
            cmp.put("exact_proven_optimal", x.optimal());
            if (g.complete() && x.complete()) {
                cmp.put("greedy_gap", (g.joules() - x.joules()) / x.joules());
            }
        } else {
            cmp.put("exact_joules", null);
            cmp.put("exact_skipped", "more than " + ExactMapper.MAX_ITEMS + " items or " + ExactMapper.MAX_PARTITIONS + " partitions");
        }
        cmp.put("model", "per-burst energy: column command + the row's ACT/PRE shared over its bursts");
        return cmp;
    }

    /** A JSON-ready description of an evaluation. */
    public static Map<String, Object> describe(MapEvaluation e, List<DataItem> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheme", e.plan().scheme());
        out.put("dataflow", e.dataflow());
        List<Map<String, Object>> plan = new ArrayList<>();
        for (DataItem d : items) {
            plan.add(Json.fields(new PlannedItem(d.name(), d.bytes(), d.readBursts(), d.writeBursts(), d.tolerableBer(),
                    e.plan().placedIn().get(d.name()), e.plan().itemBer().get(d.name()),
                    e.plan().layouts().get(d.name()).rowCount())));
        }
        out.put("plan", plan);
        out.put("notes", e.plan().notes());
        out.put("nominal", cost(e.nominal()));
        out.put("chosen", cost(e.chosen()));
        out.put("energy_saving", e.energySaving());
        out.put("speedup_simulated", e.speedup());
        out.put("latency_change", e.latencyChange());
        out.put("speedup_latency_bound", e.latencyBoundSpeedup());
        return out;
    }

    static Map<String, Object> cost(DramCost c) {
        return Json.fields(new CostOut(new java.util.TreeMap<>(c.joules()), c.totalJoules(), c.trcdCycles(), c.cycles(),
                c.seconds(), c.serialSeconds(), c.reads(), c.writes(), c.hits(), c.misses(), c.conflicts()));
    }

    /** One data item of a plan as JSON: its components are the keys, in order (snake_case). */
    private record PlannedItem(String item, long bytes, long readBursts, long writeBursts, double tolerableBer,
            String placedIn, Double ber, int rows) {
    }

    /** A priced plan as JSON. */
    private record CostOut(Map<String, Double> energyJ, double totalJ, int trcdCycles, long cycles, double seconds,
            double latencyBoundSeconds, long readBursts, long writeBursts, long rowHits, long rowMisses,
            long rowConflicts) {
    }

    /** A partition as JSON. */
    private record PartitionOut(String name, String granularity, int[] units, double vdd, int trcdCycles, double ber,
            long capacityBytes, double readBurstJoules) {
    }

    /**
     * What stopped the plan's lowest voltage going lower: the BER device's data floor (or, under {@code extrapolate},
     * its extrapolation limit) when the plan reaches it (within one search {@code step}), else the tolerance of the data.
     */
    public static org.undervolt.dram.device.LimitedBy limitedBy(MapPlan plan, OperatingPointBer ber, DramModule module,
                                                                double step) {
        double v = lowestVolts(plan, module);
        boolean lowerPossible = step > 0 ? v - step >= ber.lowestVolts() - 1e-9 : v > ber.lowestVolts() + 1e-9;
        if (lowerPossible) {
            return org.undervolt.dram.device.LimitedBy.TOLERANCE;
        }
        return ber.lowestVolts() < ber.dataFloorVolts() - 1e-9 ? org.undervolt.dram.device.LimitedBy.EXTRAPOLATION_LIMIT
                : org.undervolt.dram.device.LimitedBy.DATA_FLOOR;
    }

    /** The lowest voltage any subarray of the plan runs at. */
    public static double lowestVolts(MapPlan plan, DramModule module) {
        double v = Double.POSITIVE_INFINITY;
        for (int b = 0; b < module.totalBanks(); b++) {
            for (int k = 0; k < module.subarraysPerBank(); k++) {
                v = Math.min(v, plan.volts().volts(b, k));
            }
        }
        return v;
    }

    /** {energy_saving_linear, energy_saving_quadratic}: the same plan priced under both energy laws. */
    public static Map<String, Object> savingUnderBothLaws(DramModule module, org.undervolt.dram.sim.PagePolicy policy, MapPlan plan,
                                                          Dataflow flow, List<Transfer> transfers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_saving_linear", MapEvaluation.of(module, org.undervolt.dram.energy.VoltageScaling.LINEAR, policy, plan, flow,
                transfers).energySaving());
        m.put("energy_saving_quadratic", MapEvaluation.of(module, org.undervolt.dram.energy.VoltageScaling.QUADRATIC, policy, plan,
                flow, transfers).energySaving());
        return m;
    }

    /** "chosen V min/median/max, saving min/median/max, limited by reason count, ..." of a device choice, for text output. */
    public static String spreadLine(DeviceChoice c) {
        var v = org.undervolt.dram.device.OperatingPoints.Spread.of(c.points().stream()
                .mapToDouble(org.undervolt.dram.device.OperatingPoint::chosen).toArray());
        var e = org.undervolt.dram.device.OperatingPoints.Spread.of(c.points().stream()
                .mapToDouble(org.undervolt.dram.device.OperatingPoint::energySaving).toArray());
        return String.format(java.util.Locale.ROOT, "%d devices, VDD min %.3f / median %.3f / max %.3f V, reference saving "
                + "%.1f / %.1f / %.1f %%, limited by %s", c.points().size(), v.min(), v.median(), v.max(), 100 * e.min(),
                100 * e.median(), 100 * e.max(), org.undervolt.dram.device.OperatingPoints.countsText(
                org.undervolt.dram.device.OperatingPoints.limitedCounts(c.points())));
    }

    /** Partitions as JSON-ready maps. */
    public static List<Map<String, Object>> describe(PartitionSet set) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Partition p = set.get(i);
            out.add(Json.fields(new PartitionOut(p.name(), p.granularity().label(), p.units(), p.volts(), p.trcdCycles(),
                    p.ber(), p.capacityBytes(), set.joulesPerBurst(i, false))));
        }
        return out;
    }
}
