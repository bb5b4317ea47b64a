package org.undervolt.dram.sim;

import java.util.EnumMap;
import java.util.Map;

/**
 * Outcome of a simulation.
 *
 * @param cycles          memory cycles until the last request was accepted (Ramulator's memory_system_cycles)
 * @param drainCycles     with drain: cycles until every request was served (its read data returned); else = cycles
 * @param reads           read requests accepted
 * @param writes          write requests accepted
 * @param readHits        reads whose first command found their row open
 * @param readMisses      reads whose first command found the bank closed
 * @param readConflicts   reads whose first command found another row open
 * @param writeHits       writes, likewise
 * @param writeMisses     writes, likewise
 * @param writeConflicts  writes, likewise
 * @param readLatencySum  sum over completed reads of cycles from arrival to data (forwarded reads count 0)
 * @param readsCompleted  reads whose data returned by the end of the simulation
 * @param readsForwarded  reads served from a queued write to the same address
 * @param frontendAttempts request offers including those refused because a queue was full
 * @param commands        commands issued, per command
 * @param tckNs           clock period (ns)
 */
public record SimResult(long cycles, long drainCycles, long reads, long writes, long readHits, long readMisses,
                        long readConflicts, long writeHits, long writeMisses, long writeConflicts, long readLatencySum,
                        long readsCompleted, long readsForwarded, long frontendAttempts,
                        Map<SimCommand, Long> commands, double tckNs) {

    public SimResult {
        commands = new EnumMap<>(commands);
    }

    public long rowHits() {
        return readHits + writeHits;
    }

    public long rowMisses() {
        return readMisses + writeMisses;
    }

    public long rowConflicts() {
        return readConflicts + writeConflicts;
    }

    /**
     * Mean read latency in cycles, arrival to data, over accepted reads: read latency sum / reads accepted
     * (Ramulator's per-accepted-read figure; with drain every accepted read has completed, so it is the exact
     * mean).
     */
    public double avgReadLatencyCycles() {
        return reads == 0 ? 0 : (double) readLatencySum / reads;
    }

    /** Command count of {@code c}. */
    public long count(SimCommand c) {
        return commands.getOrDefault(c, 0L);
    }
}
