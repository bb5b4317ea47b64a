package org.undervolt.mapping;

/**
 * A mapper's answer: the partition of every item (-1 where none could take it), its total cost, and whether
 * it is proven optimal.
 *
 * @param partitionOf partition index per item, -1 when unplaced
 * @param joules      total cost of the placed items
 * @param complete    every item placed
 * @param optimal     proven minimal among complete assignments (exact mapper within its limits)
 * @param method      "greedy", "exact" ...
 */
public record Assignment(int[] partitionOf, double joules, boolean complete, boolean optimal, String method) {
    public Assignment {
        partitionOf = partitionOf.clone();
    }

    @Override
    public int[] partitionOf() {
        return partitionOf.clone();
    }
}
