package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("item", d.name());
            p.put("bytes", d.bytes());
            p.put("read_bursts", d.readBursts());
            p.put("write_bursts", d.writeBursts());
            p.put("tolerable_ber", d.tolerableBer());
            p.put("placed_in", e.plan().placedIn().get(d.name()));
            p.put("ber", e.plan().itemBer().get(d.name()));
            p.put("rows", e.plan().layouts().get(d.name()).rowCount());
            plan.add(p);
        }
        out.put("plan", plan);
        out.put("notes", e.plan().notes());
        out.put("nominal", cost(e.nominal()));
        out.put("chosen", cost(e.chosen()));
        out.put("energy_saving", e.energySaving());
        out.put("speedup_simulated", e.speedup());
        out.put("speedup_latency_bound", e.latencyBoundSpeedup());
        return out;
    }

    static Map<String, Object> cost(DramCost c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_j", new java.util.TreeMap<>(c.joules()));
        m.put("total_j", c.totalJoules());
        m.put("trcd_cycles", c.trcdCycles());
        m.put("cycles", c.cycles());
        m.put("seconds", c.seconds());
        m.put("latency_bound_seconds", c.serialSeconds());
        m.put("read_bursts", c.reads());
        m.put("write_bursts", c.writes());
        m.put("row_hits", c.hits());
        m.put("row_misses", c.misses());
        m.put("row_conflicts", c.conflicts());
        return m;
    }

    /** Partitions as JSON-ready maps. */
    public static List<Map<String, Object>> describe(PartitionSet set) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Partition p = set.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("granularity", p.granularity().label());
            m.put("units", p.units());
            m.put("vdd", p.volts());
            m.put("trcd_cycles", p.trcdCycles());
            m.put("ber", p.ber());
            m.put("capacity_bytes", p.capacityBytes());
            m.put("read_burst_joules", set.joulesPerBurst(i, false));
            out.add(m);
        }
        return out;
    }
}
