package org.undervolt.mapping;

import java.util.Map;

/**
 * Energy and time of one inference's DRAM traffic at one set of operating points.
 *
 * @param joules            energy components (act, pre, rd, wr, ref, background) in joules, whole rank
 * @param totalJoules       their sum
 * @param cycles            memory cycles until every request was served (timing simulator, drained)
 * @param seconds           cycles × tCK
 * @param serialSeconds     latency-bound estimate: the requests one at a time, each taking its own access
 *                          latency (hit CL+BL/2, plus tDQSCK under LPDDR3; miss +tRCD; conflict
 *                          +tRP+tRCD; writes with CWL)
 * @param reads             read bursts
 * @param writes            write bursts
 * @param hits              row-buffer hits
 * @param misses            row-buffer misses
 * @param conflicts         row-buffer conflicts
 * @param trcdCycles        tRCD the simulation ran with
 */
public record DramCost(Map<String, Double> joules, double totalJoules, long cycles, double seconds,
                       double serialSeconds, long reads, long writes, long hits, long misses, long conflicts,
                       int trcdCycles) {
}
