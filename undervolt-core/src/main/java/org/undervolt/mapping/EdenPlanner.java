package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * EDEN's mapping end to end (Koppula et al., MICRO 2019, §6): the assignment of items to partitions (greedy
 * Algorithm 1 or the exact optimum), then each item's rows inside its partition in DRMap order.
 */
public final class EdenPlanner {
    private EdenPlanner() {
    }

    /** Solves the assignment with {@code exact} (branch and bound) or EDEN's greedy, and lays the items out. */
    public static MapPlan plan(PartitionSet set, List<DataItem> items, boolean exact) {
        MappingProblem pr = MappingProblem.of(items, set);
        Assignment a = exact ? ExactMapper.map(pr) : GreedyMapper.map(pr);
        if (!a.complete()) {
            List<String> lost = new ArrayList<>();
            int[] p = a.partitionOf();
            for (int i = 0; i < p.length; i++) {
                if (p[i] < 0) {
                    lost.add(items.get(i).name());
                }
            }
            throw new InvalidInputException("no partition with a BER they tolerate has room for " + (lost.isEmpty()
                    ? "every item" : String.join(", ", lost)) + "; add a nominal partition or more capacity");
        }
        return layout(set, items, a, exact ? "eden-exact" : "eden-greedy");
    }

    /** Lays out an assignment. */
    public static MapPlan layout(PartitionSet set, List<DataItem> items, Assignment a, String scheme) {
        DramModule m = set.module();
        RowAllocator alloc = new RowAllocator(m);
        Map<String, RowList> layouts = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, Double> ber = new LinkedHashMap<>();
        int[] p = a.partitionOf();
        int trcd = 0;
        for (int i = 0; i < items.size(); i++) {
            Partition part = set.get(p[i]);
            DataItem d = items.get(i);
            layouts.put(d.name(), alloc.allocate(d.name(), d.bytes(), (b, s) -> part.contains(b, s, m)));
            where.put(d.name(), part.name());
            ber.put(d.name(), part.ber());
            trcd = Math.max(trcd, part.trcdCycles());
        }
        List<String> notes = List.of(a.method() + " assignment, " + String.format("%.6g", a.joules())
                + " J per inference by the per-burst model", "simulated at the largest tRCD of the partitions used: " + trcd);
        return new MapPlan(scheme, layouts, VoltageMap.of(set, m.nominalVolts()), trcd, where, ber, notes);
    }
}
