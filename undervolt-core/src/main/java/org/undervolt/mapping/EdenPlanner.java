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

    /**
     * Solves the assignment with {@code exact} (branch and bound) or EDEN's greedy, and lays the items out.
     * Partitions that receive no item stay at nominal voltage (they may hold other programs' data, which need
     * not tolerate errors), so the saving is what this network's data earns.
     */
    public static MapPlan plan(PartitionSet set, List<DataItem> items, boolean exact) {
        return plan(set, items, exact, false);
    }

    /** As {@link #plan(PartitionSet, List, boolean)}; {@code lowerIdle} runs empty partitions at their own voltage too. */
    public static MapPlan plan(PartitionSet set, List<DataItem> items, boolean exact, boolean lowerIdle) {
        return plan(set, items, exact, lowerIdle, RowAllocator.Order.DRMAP);
    }

    /** As above, rows handed out in {@code order}. */
    public static MapPlan plan(PartitionSet set, List<DataItem> items, boolean exact, boolean lowerIdle,
                               RowAllocator.Order order) {
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
        return layout(set, items, a, exact ? "eden-exact" : "eden-greedy", lowerIdle, order);
    }

    /** Lays out an assignment; {@code lowerIdle}: partitions without items at their own voltage (else nominal). */
    public static MapPlan layout(PartitionSet set, List<DataItem> items, Assignment a, String scheme, boolean lowerIdle,
                                 RowAllocator.Order order) {
        DramModule m = set.module();
        RowAllocator alloc = new RowAllocator(m, order);
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
                + " J per inference by the per-burst model", "simulated at the largest tRCD of the partitions used: " + trcd,
                lowerIdle ? "partitions without data at their own voltage" : "partitions without data at nominal voltage");
        java.util.Set<String> used = new java.util.HashSet<>(where.values());
        return new MapPlan(scheme, layouts, VoltageMap.of(set, m.nominalVolts(), q -> lowerIdle || used.contains(q.name())),
                trcd, where, ber, notes);
    }
}
