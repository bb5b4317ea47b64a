package org.undervolt.dram.sim;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The simulator's code in vector lanes (the incubating Vector API): {@link BankScan}'s pick and {@link DeviceTiming}'s
 * raise of a node's ready cycles. Kept apart so that a JVM started without the Vector API's module (the launcher adds
 * it only for commands that use lanes) never loads or verifies a class that names it.
 */
final class VectorLanes {
    /** The machine's preferred vector shape. */
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;

    private VectorLanes() {
    }

    /** Bits in the preferred vector shape. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    /** Longs in the preferred vector shape. */
    static int length() {
        return SPECIES.length();
    }

    /** ready[base + f] = max(ready[base + f], clk + delta[dBase + f]) for f &lt; n, n a multiple of {@link #length}. */
    static void raise(long[] delta, int dBase, long clk, long[] ready, int base, int n) {
        for (int f = 0; f < n; f += SPECIES.length()) {
            LongVector.fromArray(SPECIES, delta, dBase + f).add(clk).max(LongVector.fromArray(SPECIES, ready, base + f))
                    .intoArray(ready, base + f);
        }
    }

    /** {@link BankScan#scalar} in lanes, accumulating into {@code acc} (same arguments, same result). */
    static void scan(BankScan acc, long clk, long rFin, long rPre, long rAct, long[] hit, long[] other, long[] finAt,
                     long[] otherAt, long[] closed, int from, int to) {
        final long none = BankScan.NONE;
        int n = to - from;
        final VectorSpecies<Long> S = SPECIES;
        int upper = from + S.loopBound(n);
        LongVector bestV = LongVector.broadcast(S, none);
        LongVector minV = bestV;
        int ready = 0;
        int b = from;
        for (; b < upper; b += S.length()) {
            LongVector h = LongVector.fromArray(S, hit, b);
            LongVector o = LongVector.fromArray(S, other, b);
            LongVector tf = LongVector.fromArray(S, finAt, b).max(rFin);
            VectorMask<Long> isClosed = LongVector.fromArray(S, closed, b).compare(VectorOperators.NE, 0);
            LongVector to2 = LongVector.fromArray(S, otherAt, b).max(LongVector.broadcast(S, rPre).blend(rAct, isClosed));
            VectorMask<Long> fLate = tf.compare(VectorOperators.GT, clk);
            VectorMask<Long> oLate = to2.compare(VectorOperators.GT, clk);
            // a ready offer gives its id (none stays none); a late one gives its ready cycle if a request waits
            bestV = bestV.min(h.blend(none, fLate)).min(o.blend(none, oLate));
            ready += fLate.not().andNot(h.compare(VectorOperators.EQ, none)).trueCount()
                    + oLate.not().andNot(o.compare(VectorOperators.EQ, none)).trueCount();
            minV = minV.min(tf.blend(none, fLate.not().or(h.compare(VectorOperators.EQ, none))))
                    .min(to2.blend(none, oLate.not().or(o.compare(VectorOperators.EQ, none))));
        }
        acc.best = Math.min(acc.best, bestV.reduceLanes(VectorOperators.MIN));
        acc.min = Math.min(acc.min, minV.reduceLanes(VectorOperators.MIN));
        acc.ready += ready;
        if (b < to) {
            acc.scalar(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, b, to);
        }
    }
}
