/**
 * Mapping: where a network's data lives in approximate DRAM, and what one inference then costs.
 *
 * <ul>
 *   <li><b>Memory.</b> {@link org.undervolt.mapping.DramModule} (a part assembled into a rank),
 *       {@link org.undervolt.mapping.PartitionSet} of {@link org.undervolt.mapping.Partition}s, each at its own VDD
 *       and tRCD with the BER of {@link org.undervolt.mapping.OperatingPointBer} and DRAMPower command energies at
 *       its voltage.</li>
 *   <li><b>EDEN.</b> {@link org.undervolt.mapping.MappingProblem}: data items to partitions;
 *       {@link org.undervolt.mapping.GreedyMapper} (Algorithm 1), {@link org.undervolt.mapping.ExactMapper}
 *       (branch and bound), {@link org.undervolt.mapping.GreedyGapStudy}; {@link org.undervolt.mapping.EdenPlanner}
 *       lays the assignment out.</li>
 *   <li><b>SparkXD.</b> {@link org.undervolt.mapping.SparkXdPlanner}: the lowest module voltage at which every
 *       item fits in subarrays whose BER ({@link org.undervolt.mapping.SubarrayBers}, uniform or weak-subarray) it
 *       tolerates; {@link org.undervolt.mapping.RowAllocator} hands out rows in DRMap order and
 *       {@link org.undervolt.mapping.RowList} is the resulting {@link org.undervolt.storage.Placement}.</li>
 *   <li><b>Traffic.</b> {@link org.undervolt.mapping.Dataflow}s (streaming, row-stationary, weight-stationary)
 *       turn {@link org.undervolt.mapping.NetworkData} into {@link org.undervolt.mapping.Transfer}s;
 *       {@link org.undervolt.mapping.InferenceSimulation} runs them through the timing simulator and prices the
 *       commands per subarray voltage; {@link org.undervolt.mapping.MapEvaluation} compares nominal and chosen.</li>
 *   <li>{@link org.undervolt.mapping.StreamingInference} is the demo pipeline's simpler whole-test-set replay.</li>
 * </ul>
 */
package org.undervolt.mapping;
