package org.undervolt.dram.sim;

/**
 * The FR-FCFS pick over the banks of one rank: every bank offers its oldest row hit (next command RD or WR) and
 * its oldest other request (next command ACT if the bank is closed, else PRE); the oldest offer whose command
 * is ready wins (request ids grow with arrival, so oldest = smallest id). When none is ready, the earliest
 * cycle at which an offer becomes ready lets the controller sleep until then.
 *
 * <p>A command is ready at cycle {@code clk} when {@code clk} has reached both its rank-level ready cycle (one
 * value per command for the whole rank) and its bank-level one (per bank, {@link DeviceTiming#rdAtBank} etc.).
 * Which banks are ready is data, not a pattern a branch predictor learns, so {@link #branchFree} decides the banks
 * with masks in ordinary arithmetic (the default: about twice as fast as {@link #scalar} under the quick JIT
 * compiler, on picks recorded from 1M random requests) and {@link #vector} all at once with lane masks;
 * {@link #scalar} is the readable reference both are tested against.
 *
 * <p>Results accumulate over calls (one call per rank) in {@link #best}, {@link #min} and {@link #ready} until
 * {@link #reset}.
 */
final class BankScan {
    /** Marks "no request" in the id arrays, and "never" as a cycle. */
    static final long NONE = Long.MAX_VALUE;

    /**
     * Whether this JVM has the Vector API's module: the launcher adds it only for commands that use lanes (a JVM started
     * with it forgoes the archived module graph of class-data sharing, about 0.04 s CPU at every start).
     */
    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * Whether the machine has lanes worth using: with no SIMD unit the Vector API falls back to slow Java code; false
     * when the JVM runs without the Vector API module.
     */
    static boolean machineHasLanes() {
        return VECTOR_MODULE && VectorLanes.bits() >= 256;
    }

    /**
     * Whether the simulator picks in lanes from its first request: only when asked ({@code -Dundervolt.sim.vector=true})
     * on a machine that has them; otherwise it switches to lanes only once a run is long ({@link DramSimulator}). Measured
     * as whole processes (issue 21), lanes from the start do not pay: Vector API code is slow until the optimising
     * compiler has compiled it, and costly to compile. {@code dram simulate} of 1,000 requests took 1.23-1.38 s CPU
     * with lanes and 0.86-0.90 s without (medians of 4, interleaved; 7 December 2026, 2-core machine with AVX-512,
     * heavily loaded); once compiled, a pick in lanes is faster (1M requests in process: 0.60-0.74 s of thread CPU
     * against 1.00-1.34 s).
     */
    static final boolean VECTOR_PAYS = Boolean.getBoolean("undervolt.sim.vector") && machineHasLanes();

    /** The oldest ready offer's request id, or {@link #NONE}. */
    long best;
    /** The earliest ready cycle, after the scanned cycle, of an offer not ready yet; {@link #NONE} if none waits. */
    long min;
    /** Offers ready at the scanned cycle ({@link #best} is one of them). */
    int ready;

    void reset() {
        best = NONE;
        min = NONE;
        ready = 0;
    }

    /**
     * Scans banks {@code from} (inclusive) to {@code to} (exclusive) of one rank at cycle {@code clk}.
     *
     * @param rFin    rank-level ready cycle of the queue's column command (RD or WR)
     * @param rPre    rank-level ready cycle of PRE
     * @param rAct    rank-level ready cycle of ACT
     * @param hit     per bank: oldest request hitting the open row, or NONE
     * @param other   per bank: oldest other request, or NONE
     * @param finAt   per bank: bank-level ready cycle of the column command
     * @param otherAt per bank: bank-level ready cycle of ACT (closed bank) or PRE (open bank)
     * @param closed  per bank: -1 if closed, 0 if a row is open
     */
    void scalar(long clk, long rFin, long rPre, long rAct, long[] hit, long[] other, long[] finAt, long[] otherAt,
                long[] closed, int from, int to) {
        long b0 = best, m0 = min;
        int n0 = ready;
        for (int b = from; b < to; b++) {
            long h = hit[b];
            if (h != NONE) {
                long t = Math.max(rFin, finAt[b]);
                if (t <= clk) {
                    b0 = Math.min(b0, h);
                    n0++;
                } else {
                    m0 = Math.min(m0, t);
                }
            }
            long o = other[b];
            if (o != NONE) {
                long t = Math.max(closed[b] != 0 ? rAct : rPre, otherAt[b]);
                if (t <= clk) {
                    b0 = Math.min(b0, o);
                    n0++;
                } else {
                    m0 = Math.min(m0, t);
                }
            }
        }
        best = b0;
        min = m0;
        ready = n0;
    }

    /**
     * {@link #scalar} without data-dependent branches where they cost: the row hits, rare in most traces, are visited by
     * their bits ({@code hitBits}: bit b set where bank {@code from + b} has one, {@link BankQueue#hitBits}); the other
     * offers of every bank are decided with masks (a late offer's id and a ready or missing offer's cycle become
     * {@link #NONE}), as which banks are ready is data a branch predictor does not learn. Same result as {@link #scalar}
     * on the same banks; {@code to - from} at most 64.
     */
    void branchFree(long clk, long rFin, long rPre, long rAct, long[] hit, long[] other, long[] finAt, long[] otherAt,
                    long[] closed, long hitBits, int from, int to) {
        long b0 = best, m0 = min;
        int n0 = ready;
        for (long m = hitBits; m != 0; m &= m - 1) {
            int b = from + Long.numberOfTrailingZeros(m);
            long t = Math.max(rFin, finAt[b]);
            if (t <= clk) {
                b0 = Math.min(b0, hit[b]);
                n0++;
            } else {
                m0 = Math.min(m0, t);
            }
        }
        for (int b = from; b < to; b++) {
            long o = other[b];
            long c = closed[b];
            long t = max((rAct & c) | (rPre & ~c), otherAt[b]);
            long late = (clk - t) >> 63; // -1 if t > clk
            long has = (o - NONE) >> 63; // -1 if an offer is there
            long waits = late & has;
            b0 = min(b0, o | (late >>> 1));
            m0 = min(m0, (t & waits) | (~waits >>> 1));
            n0 += (int) (has & ~late) & 1;
        }
        best = b0;
        min = m0;
        ready = n0;
    }

    /** The larger of {@code a} and {@code b} without a branch (their difference must fit a long). */
    private static long max(long a, long b) {
        long d = a - b;
        return a - (d & (d >> 63)); // written so that the quick JIT compiler inlines it (stack depth)
    }

    /** The smaller of {@code a} and {@code b} without a branch (their difference must fit a long). */
    private static long min(long a, long b) {
        long d = b - a;
        return a + (d & (d >> 63));
    }

    /** {@link #scalar} with vector lanes (same arguments, same result). */
    void vector(long clk, long rFin, long rPre, long rAct, long[] hit, long[] other, long[] finAt, long[] otherAt,
                long[] closed, int from, int to) {
        VectorLanes.scan(this, clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, from, to);
    }
}
