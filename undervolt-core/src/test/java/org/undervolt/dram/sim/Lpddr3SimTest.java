package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.junit.jupiter.api.Test;

/**
 * LPDDR3-1600 (4 Gb x32, DRAMPower's MICRON_4Gb_LPDDR3-1600_32bit_A) under JESD209-3's rules. The checker below
 * recomputes every minimum gap from the JEDEC formulas and the memspec's cycle values, independently of
 * {@link TimingConstraints#lpddr3}, and checks the issued command trace against them.
 */
class Lpddr3SimTest {
    private static final SimSpec LP3 = SimPresets.resolve("LPDDR3", null, null, 1, 1);
    // memspec cycles at tCK 1.25 ns; tRPab 21 ns (JESD209-3), tRFCab 130 ns, tREFI 3.9 us
    private static final int RCD = 15, RPPB = 15, RPAB = 17, RAS = 36, RC = 48, RL = 12, WL = 9, BL2 = 4, WR = 12,
            RTP = 8, WTR = 8, RRD = 8, FAW = 40, DQSCK = 2, RFC = 104, REFI = 3120;

    @Test
    void presetCarriesTheMemspecAndJedecValues() {
        SimTimings t = LP3.timings();
        assertThat(t.tckPs()).isEqualTo(1250);
        assertThat(new int[] {t.nRCD(), t.nRP(), t.nRPab(), t.nRAS(), t.nRC(), t.nCL(), t.nCWL(), t.nWR(), t.nRTP(),
                t.nWTRS(), t.nRRDS(), t.nFAW(), t.nDQSCK(), t.nRFC(), t.nREFI()})
                .containsExactly(RCD, RPPB, RPAB, RAS, RC, RL, WL, WR, RTP, WTR, RRD, FAW, DQSCK, RFC, REFI);
        assertThat(LP3.organization().banks()).isEqualTo(8);
        assertThat(LP3.bytesPerAccess()).isEqualTo(32); // BL8 on a 32-bit channel
        assertThat(LP3.capacityBytes()).isEqualTo(512L << 20);
    }

    @Test
    void singleReadLatencyIsRcdPlusRlPlusDqsckPlusBurst() {
        SimResult r = new DramSimulator(SimConfig.of(LP3, "RoBaRaCoCh").withDrain(true))
                .run(new RequestTrace("one", new long[] {0}, new boolean[1], null), null);
        // ACT at 1, RD at 1 + 15, data done 12 + 2 + 4 later
        assertThat(r.avgReadLatencyCycles()).isEqualTo(1 + RCD + RL + DQSCK + BL2);
    }

    @Test
    void issuedCommandsKeepJesd2093Timing() {
        for (PagePolicy p : PagePolicy.values()) {
            Checker ch = new Checker();
            SimResult r = new DramSimulator(SimConfig.of(LP3, "RoBaRaCoCh").withPagePolicy(p, 1).withDrain(true))
                    .run(RequestTrace.uniformRandom(3000, LP3.capacityBytes(), 0.3, 11),
                            (clk, c, cmd, ra, bg, ba, ro, co) -> ch.accept(clk, cmd, ba));
            assertThat(r.reads() + r.writes()).isEqualTo(3000);
            assertThat(ch.minActToCas).as(p + " ACT->CAS").isEqualTo(RCD);
            assertThat(ch.minActToAct).as(p + " ACT->ACT").isEqualTo(RRD);
            assertThat(ch.refs).isGreaterThanOrEqualTo(r.drainCycles() / REFI);
        }
    }

    /** Checks each command against the latest command it must wait for. */
    private static final class Checker {
        long[] act = filled(), pre = filled(), rdB = filled(), wrB = filled(), rda = filled(), wra = filled();
        long rd = -1 << 20, wr = -1 << 20, prea = -1 << 20, ref = -1 << 20;
        Deque<Long> acts = new ArrayDeque<>();
        long minActToCas = Long.MAX_VALUE, minActToAct = Long.MAX_VALUE;
        long refs;

        static long[] filled() {
            long[] a = new long[8];
            Arrays.fill(a, -1 << 20);
            return a;
        }

        void gap(long clk, long since, int min, String what) {
            assertThat(clk - since).as(what + " at " + clk).isGreaterThanOrEqualTo(min);
        }

        void accept(long clk, SimCommand c, int b) {
            switch (c) {
                case ACT -> {
                    gap(clk, act[b], RC, "ACT->ACT same bank");
                    gap(clk, pre[b], RPPB, "PRE->ACT");
                    gap(clk, prea, RPAB, "PREA->ACT");
                    gap(clk, ref, RFC, "REF->ACT");
                    gap(clk, rda[b], BL2 + Math.max(4, RTP) - 4 + RPPB, "RDA->ACT");
                    gap(clk, wra[b], WL + BL2 + 1 + WR + RPPB, "WRA->ACT");
                    if (!acts.isEmpty()) {
                        gap(clk, acts.peekLast(), RRD, "ACT->ACT");
                        minActToAct = Math.min(minActToAct, clk - acts.peekLast());
                    }
                    if (acts.size() == 4) {
                        gap(clk, acts.pollFirst(), FAW, "tFAW");
                    }
                    acts.addLast(clk);
                    act[b] = clk;
                }
                case PRE -> {
                    gap(clk, act[b], RAS, "ACT->PRE");
                    gap(clk, rdB[b], BL2 + Math.max(4, RTP) - 4, "RD->PRE");
                    gap(clk, wrB[b], WL + BL2 + 1 + WR, "WR->PRE");
                    pre[b] = clk;
                }
                case PREA -> {
                    for (int i = 0; i < 8; i++) {
                        gap(clk, act[i], RAS, "ACT->PREA");
                        gap(clk, rdB[i], BL2 + Math.max(4, RTP) - 4, "RD->PREA");
                        gap(clk, wrB[i], WL + BL2 + 1 + WR, "WR->PREA");
                    }
                    prea = clk;
                }
                case RD, RDA -> {
                    gap(clk, act[b], RCD, "ACT->RD");
                    gap(clk, rd, BL2, "RD->RD");
                    gap(clk, wr, WL + 1 + BL2 + WTR, "WR->RD");
                    minActToCas = Math.min(minActToCas, clk - act[b]);
                    rd = clk;
                    rdB[b] = clk;
                    if (c == SimCommand.RDA) {
                        rda[b] = clk;
                    }
                }
                case WR, WRA -> {
                    gap(clk, act[b], RCD, "ACT->WR");
                    gap(clk, wr, BL2, "WR->WR");
                    gap(clk, rd, RL + DQSCK + BL2 + 1 - WL, "RD->WR");
                    minActToCas = Math.min(minActToCas, clk - act[b]);
                    wr = clk;
                    wrB[b] = clk;
                    if (c == SimCommand.WRA) {
                        wra[b] = clk;
                    }
                }
                case REF -> {
                    for (int i = 0; i < 8; i++) {
                        gap(clk, act[i], RC, "ACT->REF");
                        gap(clk, pre[i], RPPB, "PRE->REF");
                    }
                    gap(clk, prea, RPAB, "PREA->REF");
                    refs++;
                    ref = clk;
                }
                default -> throw new AssertionError(c);
            }
        }
    }
}
