package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * LPDDR3-1600 (4 Gb x32, DRAMPower's MICRON_4Gb_LPDDR3-1600_32bit_A) under JESD209-3's rules. {@link #GAPS}
 * recomputes every minimum gap from the JEDEC formulas and the memspec's cycle values, independently of
 * {@link TimingConstraints#lpddr3}, and {@link LowPowerTraceChecker} checks the issued command trace against them.
 */
class Lpddr3SimTest {
    private static final SimSpec LP3 = SimPresets.resolve("LPDDR3", null, null, 1, 1);
    // memspec cycles at tCK 1.25 ns; tRPab 21 ns (JESD209-3), tRFCab 130 ns, tREFI 3.9 us
    private static final int RCD = 15, RPPB = 15, RPAB = 17, RAS = 36, RC = 48, RL = 12, WL = 9, BL2 = 4, WR = 12,
            RTP = 8, WTR = 8, RRD = 8, FAW = 40, DQSCK = 2, RFC = 104, REFI = 3120;
    /** JESD209-3's gaps from those values; one command a clock on the command bus. */
    private static final LowPowerTraceChecker.Gaps GAPS = new LowPowerTraceChecker.Gaps(8, RCD, RRD, FAW, RC, RAS, RPPB,
            RPAB, RFC, BL2, RL + DQSCK + BL2 + 1 - WL, WL + 1 + BL2 + WTR, BL2 + Math.max(4, RTP) - 4, WL + BL2 + 1 + WR,
            0, 1, 1);

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
            LowPowerTraceChecker ch = new LowPowerTraceChecker(GAPS);
            SimResult r = new DramSimulator(SimConfig.of(LP3, "RoBaRaCoCh").withPagePolicy(p, 1).withDrain(true))
                    .run(RequestTrace.uniformRandom(3000, LP3.capacityBytes(), 0.3, 11),
                            (clk, c, cmd, ra, bg, ba, ro, co) -> ch.accept(clk, cmd, ba));
            assertThat(r.reads() + r.writes()).isEqualTo(3000);
            assertThat(ch.minActToCas).as(p + " ACT->CAS").isEqualTo(RCD);
            assertThat(ch.minActToAct).as(p + " ACT->ACT").isEqualTo(RRD);
            assertThat(ch.refs).isGreaterThanOrEqualTo(r.drainCycles() / REFI);
        }
    }
}
