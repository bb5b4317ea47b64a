package org.undervolt.mapping;

import java.util.List;
import java.util.Map;

/**
 * A mapping decision: where every data item lives and at what operating points the module runs.
 *
 * @param scheme     "eden-greedy", "eden-exact", "sparkxd"
 * @param layouts    rows of every item
 * @param volts      core voltage of every subarray
 * @param trcdCycles the tRCD the module runs at (largest over the partitions holding data)
 * @param placedIn   item → partition name (EDEN) or region description (SparkXD)
 * @param itemBer    item → BER of the region it sits in (the largest over its rows)
 * @param notes      facts about the decision worth printing (chosen voltage, safe subarrays ...)
 */
public record MapPlan(String scheme, Map<String, RowList> layouts, VoltageMap volts, int trcdCycles,
                     Map<String, String> placedIn, Map<String, Double> itemBer, List<String> notes) {
}
