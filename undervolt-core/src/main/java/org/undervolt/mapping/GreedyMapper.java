package org.undervolt.mapping;

import java.util.Arrays;
import java.util.Comparator;

/**
 * EDEN's fine-grained mapping, Algorithm 1 (Koppula et al., MICRO 2019, §6; docs/PAPERS.md §2.6):
 * take the items from the most to the least error-tolerant; give each the partition, among those whose BER
 * it tolerates and that still have room, with the largest parameter reduction (lowest VDD / tRCD, i.e. the
 * lowest energy per access); capacity is consumed as items are placed. Ties in tolerance: larger item first;
 * ties between partitions: lower index.
 */
public final class GreedyMapper {
    private GreedyMapper() {
    }

    public static Assignment map(MappingProblem pr) {
        int n = pr.itemCount();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -pr.tolerance()[i])
                .thenComparingLong(i -> -pr.bytes()[i]).thenComparingInt(i -> i));
        long[] free = pr.capacity().clone();
        int[] out = new int[n];
        Arrays.fill(out, -1);
        double joules = 0;
        boolean complete = true;
        for (int i : order) {
            int best = -1;
            for (int p = 0; p < pr.partitionCount(); p++) {
                if (pr.allowed()[i][p] && free[p] >= pr.bytes()[i]
                        && (best < 0 || pr.reduction()[p] > pr.reduction()[best])) {
                    best = p;
                }
            }
            if (best < 0) {
                complete = false;
                continue;
            }
            out[i] = best;
            free[best] -= pr.bytes()[i];
            joules += pr.cost()[i][best];
        }
        return new Assignment(out, joules, complete, false, "greedy");
    }
}
