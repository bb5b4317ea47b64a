package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BankScanTest {

    @Test
    void handCheckedPick() {
        // bank 0: hit 7 ready, other 3 late (closed -> rank ACT 50); bank 1: open, other 5 ready; bank 2: nothing
        long[] hit = {7, BankScan.NONE, BankScan.NONE};
        long[] other = {3, 5, BankScan.NONE};
        long[] finAt = {10, 0, 0};
        long[] otherAt = {20, 15, 0};
        long[] closed = {-1, 0, -1};
        BankScan s = new BankScan();
        s.reset();
        s.scalar(30, 12, 25, 50, hit, other, finAt, otherAt, closed, 0, 3);
        assertThat(s.best).isEqualTo(5);
        assertThat(s.min).isEqualTo(50);
        assertThat(s.ready).isEqualTo(2); // 7 and 5
        s.reset();
        s.scalar(20, 12, 25, 50, hit, other, finAt, otherAt, closed, 0, 3);
        assertThat(s.best).isEqualTo(7); // bank 1's PRE waits for the rank until 25
        assertThat(s.min).isEqualTo(25);
        assertThat(s.ready).isEqualTo(1);
        s.reset();
        s.scalar(11, 12, 25, 50, hit, other, finAt, otherAt, closed, 0, 3);
        assertThat(s.best).isEqualTo(BankScan.NONE);
        assertThat(s.min).isEqualTo(12);
        assertThat(s.ready).isZero();
    }

    /**
     * The vector twin and the branch-free pick equal the scalar reference on random states, over awkward bank ranges
     * (up to 64 banks for the branch-free one, whose row hits are given as bits) and accumulation.
     */
    @Test
    void vectorAndBranchFreeEqualScalar() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + rnd.nextInt(40);
            long[] hit = new long[n], other = new long[n], finAt = new long[n], otherAt = new long[n], closed = new long[n];
            for (int b = 0; b < n; b++) {
                hit[b] = rnd.nextInt(3) == 0 ? rnd.nextInt(100) : BankScan.NONE;
                other[b] = rnd.nextInt(3) == 0 ? BankScan.NONE : rnd.nextInt(100);
                finAt[b] = rnd.nextInt(40) - 1;
                otherAt[b] = rnd.nextInt(40) - 1;
                closed[b] = rnd.nextBoolean() ? -1 : 0;
            }
            int from = rnd.nextInt(n);
            int to = from + rnd.nextInt(n - from + 1);
            long clk = rnd.nextInt(40);
            long rFin = rnd.nextInt(40) - 1, rPre = rnd.nextInt(40) - 1, rAct = rnd.nextInt(40) - 1;
            BankScan a = new BankScan();
            BankScan v = new BankScan();
            BankScan f = new BankScan();
            a.reset();
            v.reset();
            f.reset();
            if (rnd.nextBoolean()) { // results accumulate over calls
                a.scalar(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, 0, from);
                v.vector(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, 0, from);
                f.branchFree(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, hitBits(hit, 0, from), 0, from);
            }
            a.scalar(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, from, to);
            v.vector(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, from, to);
            f.branchFree(clk, rFin, rPre, rAct, hit, other, finAt, otherAt, closed, hitBits(hit, from, to), from, to);
            for (BankScan x : new BankScan[] {v, f}) {
                String name = x == v ? "vector" : "branch-free";
                assertThat(x.best).as("%s best, trial %d", name, trial).isEqualTo(a.best);
                assertThat(x.min).as("%s min, trial %d", name, trial).isEqualTo(a.min);
                assertThat(x.ready).as("%s ready, trial %d", name, trial).isEqualTo(a.ready);
            }
        }
    }

    /** Bit b set where bank from + b has a row-hit offer. */
    private static long hitBits(long[] hit, int from, int to) {
        long bits = 0;
        for (int b = from; b < to; b++) {
            if (hit[b] != BankScan.NONE) {
                bits |= 1L << (b - from);
            }
        }
        return bits;
    }
}
