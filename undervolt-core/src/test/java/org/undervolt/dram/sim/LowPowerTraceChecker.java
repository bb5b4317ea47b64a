package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Replays an issued command stream of one rank of an LPDDR part (one bank group) against the minimum gaps of its
 * JEDEC rules, given as numbers worked out by the test from the standard's formulas (not from
 * {@link TimingConstraints}): each command is checked against the latest command it must wait for.
 */
final class LowPowerTraceChecker {

    /**
     * The gaps, in clocks.
     *
     * @param banks    banks of the rank
     * @param rcd      ACT to RD/WR
     * @param rrd      ACT to ACT, other bank
     * @param faw      a fifth ACT after the fourth-last
     * @param rc       ACT to ACT, same bank; ACT to REF
     * @param ras      ACT to PRE/PREA
     * @param rpPb     PRE to ACT/REF
     * @param rpAb     PREA to ACT/REF
     * @param rfc      REF to ACT/REF
     * @param ccd      RD to RD, WR to WR
     * @param rdToWr   RD to WR
     * @param wrToRd   WR to RD
     * @param rdToPre  RD to PRE/PREA (RDA's internal precharge point)
     * @param wrToPre  WR to PRE/PREA (WRA's internal precharge point)
     * @param ppd      any precharge to the next (0: no such rule)
     * @param busLong  command-bus gap before an ACT or column command (1: one command a clock)
     * @param busShort command-bus gap before a PRE, PREA or REF
     */
    record Gaps(int banks, int rcd, int rrd, int faw, int rc, int ras, int rpPb, int rpAb, int rfc, int ccd, int rdToWr,
                int wrToRd, int rdToPre, int wrToPre, int ppd, int busLong, int busShort) {
    }

    private static final long NEVER = -1 << 20;
    private final Gaps g;
    private final long[] act, pre, rdB, wrB, rda, wra;
    private long rd = NEVER, wr = NEVER, prea = NEVER, ref = NEVER, anyPre = NEVER, last = NEVER;
    private final Deque<Long> acts = new ArrayDeque<>();
    long minActToCas = Long.MAX_VALUE, minActToAct = Long.MAX_VALUE;
    long refs;

    LowPowerTraceChecker(Gaps gaps) {
        this.g = gaps;
        act = never();
        pre = never();
        rdB = never();
        wrB = never();
        rda = never();
        wra = never();
    }

    private long[] never() {
        long[] a = new long[g.banks()];
        Arrays.fill(a, NEVER);
        return a;
    }

    private static void gap(long clk, long since, int min, String what) {
        assertThat(clk - since).as(what + " at " + clk).isGreaterThanOrEqualTo(min);
    }

    /** Checks {@code c} issued at {@code clk} to bank {@code b} (ignored for PREA and REF). */
    void accept(long clk, SimCommand c, int b) {
        boolean longCommand = c == SimCommand.ACT || c.accessing;
        gap(clk, last, longCommand ? g.busLong() : g.busShort(), "command bus before " + c);
        last = clk;
        switch (c) {
            case ACT -> {
                gap(clk, act[b], g.rc(), "ACT->ACT same bank");
                gap(clk, pre[b], g.rpPb(), "PRE->ACT");
                gap(clk, prea, g.rpAb(), "PREA->ACT");
                gap(clk, ref, g.rfc(), "REF->ACT");
                gap(clk, rda[b], g.rdToPre() + g.rpPb(), "RDA->ACT");
                gap(clk, wra[b], g.wrToPre() + g.rpPb(), "WRA->ACT");
                if (!acts.isEmpty()) {
                    gap(clk, acts.peekLast(), g.rrd(), "ACT->ACT");
                    minActToAct = Math.min(minActToAct, clk - acts.peekLast());
                }
                if (acts.size() == 4) {
                    gap(clk, acts.pollFirst(), g.faw(), "tFAW");
                }
                acts.addLast(clk);
                act[b] = clk;
            }
            case PRE, PREA -> {
                for (int i = c == SimCommand.PRE ? b : 0; i < (c == SimCommand.PRE ? b + 1 : g.banks()); i++) {
                    gap(clk, act[i], g.ras(), "ACT->" + c);
                    gap(clk, rdB[i], g.rdToPre(), "RD->" + c);
                    gap(clk, wrB[i], g.wrToPre(), "WR->" + c);
                }
                gap(clk, anyPre, g.ppd(), "precharge->" + c);
                anyPre = clk;
                if (c == SimCommand.PRE) {
                    pre[b] = clk;
                } else {
                    prea = clk;
                }
            }
            case RD, RDA -> {
                gap(clk, act[b], g.rcd(), "ACT->RD");
                gap(clk, rd, g.ccd(), "RD->RD");
                gap(clk, wr, g.wrToRd(), "WR->RD");
                minActToCas = Math.min(minActToCas, clk - act[b]);
                rd = clk;
                rdB[b] = clk;
                if (c == SimCommand.RDA) {
                    rda[b] = clk;
                }
            }
            case WR, WRA -> {
                gap(clk, act[b], g.rcd(), "ACT->WR");
                gap(clk, wr, g.ccd(), "WR->WR");
                gap(clk, rd, g.rdToWr(), "RD->WR");
                minActToCas = Math.min(minActToCas, clk - act[b]);
                wr = clk;
                wrB[b] = clk;
                if (c == SimCommand.WRA) {
                    wra[b] = clk;
                }
            }
            case REF -> {
                for (int i = 0; i < g.banks(); i++) {
                    gap(clk, act[i], g.rc(), "ACT->REF");
                    gap(clk, pre[i], g.rpPb(), "PRE->REF");
                    gap(clk, rda[i], g.rdToPre() + g.rpPb(), "RDA->REF");
                    gap(clk, wra[i], g.wrToPre() + g.rpPb(), "WRA->REF");
                }
                gap(clk, prea, g.rpAb(), "PREA->REF");
                gap(clk, ref, g.rfc(), "REF->REF");
                refs++;
                ref = clk;
            }
            default -> throw new AssertionError(c);
        }
    }
}
