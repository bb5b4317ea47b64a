package org.undervolt.mapping;

import java.util.List;

/**
 * The assignment problem behind EDEN's mapping: put each item in one partition whose BER it tolerates,
 * within the partitions' capacities, at the least total energy. A generalised assignment problem (NP-hard
 * in general), so {@link GreedyMapper} is EDEN's heuristic and {@link ExactMapper} the optimum for small cases.
 *
 * @param items      item names
 * @param bytes      item sizes
 * @param capacity   partition capacities in bytes
 * @param cost       cost[i][p]: joules per inference of item i in partition p
 * @param allowed    allowed[i][p]: partition p's BER is within item i's tolerance
 * @param tolerance  item tolerable BERs (the greedy order)
 * @param reduction  per partition, how far its parameters are reduced (higher = cheaper): EDEN's choice key
 */
public record MappingProblem(List<String> items, long[] bytes, long[] capacity, double[][] cost, boolean[][] allowed,
                             double[] tolerance, double[] reduction) {

    public int itemCount() {
        return bytes.length;
    }

    public int partitionCount() {
        return capacity.length;
    }

    /** The problem of placing {@code items} in {@code set}. */
    public static MappingProblem of(List<DataItem> items, PartitionSet set) {
        int n = items.size();
        int m = set.size();
        long[] bytes = new long[n];
        long[] cap = new long[m];
        double[][] cost = new double[n][m];
        boolean[][] ok = new boolean[n][m];
        double[] tol = new double[n];
        double[] red = new double[m];
        double[] rd = new double[m];
        double[] wr = new double[m];
        long rowBytes = set.module().geometry().rowBytes();
        for (int p = 0; p < m; p++) {
            Partition part = set.get(p);
            cap[p] = part.capacityBytes();
            rd[p] = set.joulesPerBurst(p, false);
            wr[p] = set.joulesPerBurst(p, true);
            red[p] = -rd[p];
        }
        for (int i = 0; i < n; i++) {
            DataItem d = items.get(i);
            bytes[i] = (d.bytes() + rowBytes - 1) / rowBytes * rowBytes; // items take whole rows
            tol[i] = d.tolerableBer();
            for (int p = 0; p < m; p++) {
                cost[i][p] = d.readBursts() * rd[p] + d.writeBursts() * wr[p];
                ok[i][p] = set.get(p).ber() <= d.tolerableBer();
            }
        }
        return new MappingProblem(items.stream().map(DataItem::name).toList(), bytes, cap, cost, ok, tol, red);
    }

    /** Total cost of a complete assignment (every entry a partition). */
    public double costOf(int[] partitionOf) {
        double c = 0;
        for (int i = 0; i < partitionOf.length; i++) {
            c += cost[i][partitionOf[i]];
        }
        return c;
    }

    /** Whether {@code partitionOf} places every item in an allowed partition within capacity. */
    public boolean isValid(int[] partitionOf) {
        long[] used = new long[capacity.length];
        for (int i = 0; i < partitionOf.length; i++) {
            int p = partitionOf[i];
            if (p < 0 || !allowed[i][p]) {
                return false;
            }
            used[p] += bytes[i];
            if (used[p] > capacity[p]) {
                return false;
            }
        }
        return true;
    }
}
