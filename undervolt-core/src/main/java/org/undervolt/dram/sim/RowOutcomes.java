package org.undervolt.dram.sim;

/**
 * What the requests found in their bank at their first command, reads and writes apart: their row open (a hit),
 * the bank closed (a miss) or another row open (a conflict). One per channel controller; the simulator adds them up.
 */
final class RowOutcomes {
    private static final int HIT = 0, MISS = 1, CONFLICT = 2, WRITE = 3;
    private final long[] counts = new long[6];

    /** Counts a request for {@code row} that found {@code openRow} open in its bank (negative: none). */
    void count(boolean write, int openRow, int row) {
        int outcome = openRow == row ? HIT : openRow >= 0 ? CONFLICT : MISS;
        counts[(write ? WRITE : 0) + outcome]++;
    }

    /** Adds {@code other}'s counts to these. */
    void add(RowOutcomes other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    long readHits() {
        return counts[HIT];
    }

    long readMisses() {
        return counts[MISS];
    }

    long readConflicts() {
        return counts[CONFLICT];
    }

    long writeHits() {
        return counts[WRITE + HIT];
    }

    long writeMisses() {
        return counts[WRITE + MISS];
    }

    long writeConflicts() {
        return counts[WRITE + CONFLICT];
    }
}
