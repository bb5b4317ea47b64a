package org.undervolt.mapping;

import java.util.Arrays;
import java.util.Comparator;

import org.undervolt.InvalidInputException;

/**
 * The least-energy assignment, by depth-first branch and bound: items from the largest down (big items
 * decide feasibility early), each tried in its allowed partitions with room from the cheapest up; a branch is
 * cut when its cost plus every remaining item's cheapest allowed cost (capacity ignored, an admissible lower
 * bound) cannot beat the best complete assignment found. Optimal when it finishes within the node budget.
 *
 * <p>Size limit: at most {@value #MAX_ITEMS} items and {@value #MAX_PARTITIONS} partitions, and a budget of
 * {@value #NODE_BUDGET} search nodes (the worst case is partitions^items; network mappings of ≤ 20 layer ×
 * data-type items over ≤ 16 partitions finish in milliseconds because the bound prunes). Past the budget the
 * best assignment found is returned with {@code optimal = false}.
 */
public final class ExactMapper {
    public static final int MAX_ITEMS = 40;
    public static final int MAX_PARTITIONS = 64;
    public static final long NODE_BUDGET = 50_000_000L;

    private final MappingProblem pr;
    private final int[] order;
    private final double[] suffixBound;
    private final int[][] choices;
    private final long[] free;
    private final int[] current;
    private int[] best;
    private double bestCost = Double.POSITIVE_INFINITY;
    private long nodes;

    private ExactMapper(MappingProblem pr) {
        this.pr = pr;
        int n = pr.itemCount();
        Integer[] o = new Integer[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        Arrays.sort(o, Comparator.<Integer>comparingLong(i -> -pr.bytes()[i]).thenComparingInt(i -> i));
        order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
        choices = new int[n][];
        suffixBound = new double[n + 1];
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            Integer[] ps = new Integer[pr.partitionCount()];
            int c = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int p = 0; p < pr.partitionCount(); p++) {
                if (pr.allowed()[i][p] && pr.bytes()[i] <= pr.capacity()[p]) {
                    ps[c++] = p;
                    min = Math.min(min, pr.cost()[i][p]);
                }
            }
            Integer[] sorted = Arrays.copyOf(ps, c);
            Arrays.sort(sorted, Comparator.<Integer>comparingDouble(p -> pr.cost()[i][p]).thenComparingInt(p -> p));
            choices[k] = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
            suffixBound[k] = suffixBound[k + 1] + min;
        }
        free = pr.capacity().clone();
        current = new int[n];
    }

    /** The optimal assignment, or an incomplete one (all -1) when no complete assignment exists. */
    public static Assignment map(MappingProblem pr) {
        if (pr.itemCount() > MAX_ITEMS || pr.partitionCount() > MAX_PARTITIONS) {
            throw new InvalidInputException("exact mapping is limited to " + MAX_ITEMS + " items and " + MAX_PARTITIONS
                    + " partitions, got " + pr.itemCount() + " and " + pr.partitionCount() + "; use the greedy mapper");
        }
        ExactMapper s = new ExactMapper(pr);
        boolean finished = s.search(0, 0);
        int[] out = new int[pr.itemCount()];
        Arrays.fill(out, -1);
        if (s.best == null) {
            return new Assignment(out, 0, false, finished, "exact");
        }
        for (int k = 0; k < out.length; k++) {
            out[s.order[k]] = s.best[k];
        }
        return new Assignment(out, s.bestCost, true, finished, "exact");
    }

    /** Returns false when the node budget ran out. */
    private boolean search(int k, double cost) {
        if (++nodes > NODE_BUDGET) {
            return false;
        }
        if (k == order.length) {
            if (cost < bestCost) {
                bestCost = cost;
                best = current.clone();
            }
            return true;
        }
        if (cost + suffixBound[k] >= bestCost) {
            return true;
        }
        int i = order[k];
        for (int p : choices[k]) {
            if (free[p] < pr.bytes()[i]) {
                continue;
            }
            double c = cost + pr.cost()[i][p];
            if (c + suffixBound[k + 1] >= bestCost) {
                break; // choices are sorted by cost: the rest cannot do better
            }
            free[p] -= pr.bytes()[i];
            current[k] = p;
            boolean ok = search(k + 1, c);
            free[p] += pr.bytes()[i];
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
