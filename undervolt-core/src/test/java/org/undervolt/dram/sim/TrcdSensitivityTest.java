package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How cycles respond to tRCD. The mapping study reported closed page running slower at a shorter tRCD; the cause
 * is Ramulator 2.0a's closed-row policy, not a timing error: its close-row PRE waits at the head of the priority
 * queue for tRAS and blocks every other bank's ACT, and the number of ACTs that fit before the first column
 * access, floor((tRCD - 1) / tRRD) + 1, drops with tRCD. With auto-precharge (CLOSED_AUTO) the effect is gone.
 *
 * <p>"Cycles never grow as tRCD shrinks" is NOT a property of an FR-FCFS controller in general: on uniformly
 * random traces (open page or auto-precharge) a shorter tRCD changes which request is oldest-ready and when
 * refresh lands, and a few tRCD steps cost up to ~1 % (e.g. DDR3-1600K open page, 20k random requests:
 * tRCD 9 is slower than 10; even a sequential stream under open page has 4-cycle blips, tRCD 7 vs 8, from where
 * refresh lands). With auto-precharge on a streaming trace every tRCD step saves cycles, which the property
 * test checks.
 */
class TrcdSensitivityTest {
    private static final SimSpec DDR3 = SimPresets.resolve("DDR3", null, null, 1, 1);
    private static final SimSpec DDR4 = SimPresets.resolve("DDR4", null, null, 1, 1);

    private static SimResult run(SimSpec s, PagePolicy p, RequestTrace t, CommandListener l) {
        return new DramSimulator(SimConfig.of(s, "RoBaRaCoCh").withPagePolicy(p, 1).withDrain(true)).run(t, l);
    }

    /** One read to each of the 8 banks (RoBaRaCoCh, DDR3_4Gb_x8: 64-byte bursts, 128 per row, bank from bit 13). */
    private static RequestTrace eightBanks() {
        int n = 8;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = (long) i << 13;
        }
        return new RequestTrace("banks", a, new boolean[n], null);
    }

    @Test
    void closedRowPolicyFitsFewerActsBeforeTheFirstReadAtAShorterTrcd() {
        RequestTrace t = eightBanks();
        int rrd = DDR3.timings().nRRDS();
        assertThat(rrd).isEqualTo(5);
        long slow = 0, fast = 0;
        for (int rcd : new int[] {11, 10}) {
            List<SimCommand> cmds = new ArrayList<>();
            SimResult r = run(DDR3.withRcd(rcd), PagePolicy.CLOSED, t, (clk, ch, c, ra, bg, ba, ro, co) -> cmds.add(c));
            assertThat(r.rowMisses()).isEqualTo(8);
            int actsBeforeRead = cmds.indexOf(SimCommand.RD);
            assertThat(actsBeforeRead).as("tRCD " + rcd).isEqualTo((rcd - 1) / rrd + 1);
            if (rcd == 11) {
                slow = r.drainCycles();
            } else {
                fast = r.drainCycles();
            }
        }
        assertThat(fast).as("closed-row policy: shorter tRCD, more cycles").isGreaterThan(slow);
    }

    @Test
    void autoPrechargeClosedPageIssuesRdaAndGainsFromShorterTrcd() {
        RequestTrace t = eightBanks();
        List<SimCommand> cmds = new ArrayList<>();
        SimResult slow = run(DDR3, PagePolicy.CLOSED_AUTO, t, (clk, ch, c, ra, bg, ba, ro, co) -> cmds.add(c));
        SimResult fast = run(DDR3.withRcd(10), PagePolicy.CLOSED_AUTO, t, null);
        assertThat(cmds).containsOnly(SimCommand.ACT, SimCommand.RDA);
        assertThat(slow.count(SimCommand.RDA)).isEqualTo(8);
        assertThat(fast.drainCycles()).isLessThanOrEqualTo(slow.drainCycles());
    }

    @Test
    void streamingCyclesNeverGrowAsTrcdShrinks() {
        RequestTrace seq = DramSimulatorTest.sequential(3000);
        for (SimSpec s : new SimSpec[] {DDR3, DDR4}) {
            for (PagePolicy p : new PagePolicy[] {PagePolicy.CLOSED_AUTO}) {
                long prev = Long.MAX_VALUE;
                for (int rcd = s.timings().nRCD(); rcd >= s.timings().nRCD() - 6; rcd--) {
                    long c = run(s.withRcd(rcd), p, seq, null).drainCycles();
                    assertThat(c).as(s.standard() + " " + p + " tRCD " + rcd).isLessThan(prev);
                    prev = c;
                }
            }
        }
    }

    @Test
    void autoPrechargeRespectsRasAndWriteRecoveryBeforeTheNextActivate() {
        // two reads to two rows of bank 0: RDA at 1 + tRCD, next ACT no earlier than max(ACT + tRC, RDA + tRTP + tRP)
        SimTimings tm = DDR3.timings();
        long[] a = {0, 1L << 29};
        List<long[]> acts = new ArrayList<>();
        List<Long> rda = new ArrayList<>();
        run(DDR3, PagePolicy.CLOSED_AUTO, new RequestTrace("t", a, new boolean[2], null), (clk, ch, c, ra, bg, ba, ro, co) -> {
            if (c == SimCommand.ACT) {
                acts.add(new long[] {clk, ba, ro});
            } else if (c == SimCommand.RDA) {
                rda.add(clk);
            }
        });
        assertThat(acts).hasSize(2);
        assertThat(acts.get(0)[1]).isEqualTo(acts.get(1)[1]);
        assertThat(acts.get(0)[2]).isNotEqualTo(acts.get(1)[2]);
        assertThat(rda.get(0) - acts.get(0)[0]).isEqualTo(tm.nRCD());
        assertThat(acts.get(1)[0]).isEqualTo(Math.max(acts.get(0)[0] + tm.nRC(), rda.get(0) + tm.nRTP() + tm.nRP()));
    }
}
