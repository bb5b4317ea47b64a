package org.undervolt.dram.sim;

/**
 * Reads whose data is on its way, in issue order, with the statistics of those completed: completed one per cycle,
 * each no earlier than its data return, as Ramulator 2.0a pops at most the head of its pending queue per tick.
 */
final class PendingReads {
    private long[] depart = new long[256], arrive = new long[256];
    private int head, size;
    private long lastPop = Long.MIN_VALUE / 2;

    /** Sum over completed reads of cycles from arrival to data (reads served within a cycle count 0). */
    long latencySum;
    /** Reads completed. */
    long completed;
    /** Latest data-return cycle of a completed read. */
    long lastDataCycle;

    /** Reads still pending. */
    int size() {
        return size;
    }

    /** A read arrived at {@code arrived} whose data returns at {@code departs}. */
    void push(long departs, long arrived) {
        if (size == depart.length) {
            depart = unroll(depart, head, size);
            arrive = unroll(arrive, head, size);
            head = 0;
        }
        int tail = (head + size) % depart.length;
        depart[tail] = departs;
        arrive[tail] = arrived;
        size++;
    }

    /** Completes pending reads up to cycle {@code clk}. */
    void complete(long clk) {
        while (size > 0) {
            long d = depart[head];
            long at = Math.max(d, lastPop + 1);
            if (at > clk) {
                return;
            }
            lastPop = at;
            long lat = d - arrive[head];
            if (lat > 1) {
                latencySum += lat;
            }
            completed++;
            lastDataCycle = Math.max(lastDataCycle, d);
            head = (head + 1) % depart.length;
            size--;
        }
    }

    private static long[] unroll(long[] ring, int head, int size) {
        long[] out = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        return out;
    }
}
