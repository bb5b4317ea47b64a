package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Replays an issued command stream of one rank of an LPDDR part (one bank group) against the minimum gaps of its
 * JEDEC rules, given as numbers worked out by the test from the standard's formulas (not from
 * {@link TimingConstraints}): each command is checked against the latest command it must wait for. The gaps are
 * JEDEC's, from a command's last clock to the next one's last clock; commands are issued at their first clock, so a
 * gap between issue cycles is the JEDEC gap + clocks(earlier) - clocks(later), and a command keeps the command bus
 * for its clocks.
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
     * @param busLong  clocks of an ACT or column command on the command bus (1: one command a clock)
     * @param busShort clocks of a PRE, PREA or REF
     */
    record Gaps(int banks, int rcd, int rrd, int faw, int rc, int ras, int rpPb, int rpAb, int rfc, int ccd, int rdToWr,
                int wrToRd, int rdToPre, int wrToPre, int ppd, int busLong, int busShort) {
    }

    private static final long NEVER = -1 << 20;
    private final Gaps g;
    private final long[] act, pre, rdB, wrB, rda, wra;
    private long rd = NEVER, wr = NEVER, prea = NEVER, ref = NEVER, anyPre = NEVER, last = NEVER;
    private SimCommand lastCommand = SimCommand.REF, current;
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

    private int clocks(SimCommand c) {
        return c == SimCommand.ACT || c.accessing ? g.busLong() : g.busShort();
    }

    /** {@code current} at {@code clk} keeps JEDEC's gap {@code lastToLast} after {@code earlier} issued at {@code since}. */
    private void gap(long clk, long since, SimCommand earlier, int lastToLast, String what) {
        assertThat(clk - since).as(what + " at " + clk)
                .isGreaterThanOrEqualTo((long) lastToLast + clocks(earlier) - clocks(current));
    }

    /** Checks {@code c} issued at {@code clk} to bank {@code b} (ignored for PREA and REF). */
    void accept(long clk, SimCommand c, int b) {
        assertThat(clk - last).as("command bus before " + c + " at " + clk).isGreaterThanOrEqualTo(clocks(lastCommand));
        last = clk;
        lastCommand = c;
        current = c;
        switch (c) {
            case ACT -> {
                gap(clk, act[b], SimCommand.ACT, g.rc(), "ACT->ACT same bank");
                gap(clk, pre[b], SimCommand.PRE, g.rpPb(), "PRE->ACT");
                gap(clk, prea, SimCommand.PREA, g.rpAb(), "PREA->ACT");
                gap(clk, ref, SimCommand.REF, g.rfc(), "REF->ACT");
                gap(clk, rda[b], SimCommand.RDA, g.rdToPre() + g.rpPb(), "RDA->ACT");
                gap(clk, wra[b], SimCommand.WRA, g.wrToPre() + g.rpPb(), "WRA->ACT");
                if (!acts.isEmpty()) {
                    gap(clk, acts.peekLast(), SimCommand.ACT, g.rrd(), "ACT->ACT");
                    minActToAct = Math.min(minActToAct, clk - acts.peekLast());
                }
                if (acts.size() == 4) {
                    gap(clk, acts.pollFirst(), SimCommand.ACT, g.faw(), "tFAW");
                }
                acts.addLast(clk);
                act[b] = clk;
            }
            case PRE, PREA -> {
                for (int i = c == SimCommand.PRE ? b : 0; i < (c == SimCommand.PRE ? b + 1 : g.banks()); i++) {
                    gap(clk, act[i], SimCommand.ACT, g.ras(), "ACT->" + c);
                    gap(clk, rdB[i], SimCommand.RD, g.rdToPre(), "RD->" + c);
                    gap(clk, wrB[i], SimCommand.WR, g.wrToPre(), "WR->" + c);
                }
                gap(clk, anyPre, SimCommand.PRE, g.ppd(), "precharge->" + c);
                anyPre = clk;
                if (c == SimCommand.PRE) {
                    pre[b] = clk;
                } else {
                    prea = clk;
                }
            }
            case RD, RDA -> {
                gap(clk, act[b], SimCommand.ACT, g.rcd(), "ACT->RD");
                gap(clk, rd, SimCommand.RD, g.ccd(), "RD->RD");
                gap(clk, wr, SimCommand.WR, g.wrToRd(), "WR->RD");
                minActToCas = Math.min(minActToCas, clk - act[b]);
                rd = clk;
                rdB[b] = clk;
                if (c == SimCommand.RDA) {
                    rda[b] = clk;
                }
            }
            case WR, WRA -> {
                gap(clk, act[b], SimCommand.ACT, g.rcd(), "ACT->WR");
                gap(clk, wr, SimCommand.WR, g.ccd(), "WR->WR");
                gap(clk, rd, SimCommand.RD, g.rdToWr(), "RD->WR");
                minActToCas = Math.min(minActToCas, clk - act[b]);
                wr = clk;
                wrB[b] = clk;
                if (c == SimCommand.WRA) {
                    wra[b] = clk;
                }
            }
            case REF -> {
                for (int i = 0; i < g.banks(); i++) {
                    gap(clk, act[i], SimCommand.ACT, g.rc(), "ACT->REF");
                    gap(clk, pre[i], SimCommand.PRE, g.rpPb(), "PRE->REF");
                    gap(clk, rda[i], SimCommand.RDA, g.rdToPre() + g.rpPb(), "RDA->REF");
                    gap(clk, wra[i], SimCommand.WRA, g.wrToPre() + g.rpPb(), "WRA->REF");
                }
                gap(clk, prea, SimCommand.PREA, g.rpAb(), "PREA->REF");
                gap(clk, ref, SimCommand.REF, g.rfc(), "REF->REF");
                refs++;
                ref = clk;
            }
            default -> throw new AssertionError(c);
        }
    }
}
