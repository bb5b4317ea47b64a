package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undervolt.dram.sim.SimCommand.ACT;
import static org.undervolt.dram.sim.SimCommand.PRE;
import static org.undervolt.dram.sim.SimCommand.PREA;
import static org.undervolt.dram.sim.SimCommand.RD;
import static org.undervolt.dram.sim.SimCommand.RDA;
import static org.undervolt.dram.sim.SimCommand.REF;
import static org.undervolt.dram.sim.SimCommand.WR;
import static org.undervolt.dram.sim.SimCommand.WRA;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.DramStandard;
import org.undervolt.dram.spec.Timings;

/**
 * LPDDR4-3200 (6 Gb x16, DRAMPower's MICRON_6Gb_LPDDR4-3200_32bit_A) under JESD209-4's rules. The expected gaps below
 * are worked out here from the JEDEC formulas and the memspec's cycle values, independently of
 * {@link TimingConstraints#lpddr4}: each rule at its exact boundary, a small trace's cycles by hand, and a random
 * trace's commands replayed against every rule.
 */
class Lpddr4SimTest {
    private static final DramSpec PART = DramPresets.get("LPDDR4-3200_6Gb_x16");
    private static final SimSpec LP4 = SimSpec.of(PART);
    // the memspec's cycles at tCK 0.625 ns
    private static final int RCD = 29, RPPB = 29, RPAB = 34, RAS = 68, RC = 97, RL = 28, WL = 14, BL2 = 8, WR_ = 29,
            RTP = 12, WTR = 16, RRD = 16, FAW = 64, CCD = 8, PPD = 4, DQSCK = 3, RFCAB = 448, REFI = 6246;
    // JESD209-4 formulas (tWPRE 2 tCK, read postamble 0.5 tCK rounded down to 0)
    private static final int RD_TO_WR = RL + DQSCK + BL2 - WL + 2 + 0;       // 27
    private static final int WR_TO_RD = WL + 1 + BL2 + WTR;                  // 39
    private static final int RD_TO_PRE = BL2 + Math.max(8, RTP) - 8;          // 12
    private static final int WR_TO_PRE = WL + BL2 + 1 + WR_;                  // 52
    /** Command/address-bus clocks of a command: ACT and column commands 4, PRE/PREA/REF 2 (JESD209-4). */
    private static final int LONG = 4, SHORT = 2;
    private static final long T0 = 1000;
    private static final LowPowerTraceChecker.Gaps GAPS = new LowPowerTraceChecker.Gaps(8, RCD, RRD, FAW, RC, RAS, RPPB,
            RPAB, RFCAB, CCD, RD_TO_WR, WR_TO_RD, RD_TO_PRE, WR_TO_PRE, PPD, LONG, SHORT);

    @Test
    void theStandardPicksTheLpddr4ProtocolAndItsRows() {
        assertThat(Protocol.of(DramStandard.LPDDR4)).isEqualTo(Protocol.LPDDR4);
        assertThat(Protocol.of(DramStandard.LPDDR3)).isEqualTo(Protocol.LPDDR3);
        assertThat(Protocol.of(DramStandard.DDR4)).isEqualTo(Protocol.DDR);
        SimTimings t = LP4.timings();
        assertThat(LP4.protocol()).isEqualTo(Protocol.LPDDR4);
        assertThat(t.tckPs()).isEqualTo(625);
        // RL (28), not the memspec's CL row (12); tRPpb and tRPab apart; BL16 = 8 clocks on the bus
        assertThat(new int[] {t.nCL(), t.nCWL(), t.nBL(), t.nRCD(), t.nRP(), t.nRPab(), t.nRAS(), t.nRC(), t.nWR(),
                t.nRTP(), t.nWTRS(), t.nWTRL(), t.nRRDS(), t.nRRDL(), t.nCCDS(), t.nCCDL(), t.nFAW(), t.nDQSCK(),
                t.nPPD(), t.nRFC(), t.nREFI()})
                .containsExactly(RL, WL, BL2, RCD, RPPB, RPAB, RAS, RC, WR_, RTP, WTR, WTR, RRD, RRD, CCD, CCD, FAW,
                        DQSCK, PPD, RFCAB, REFI);
        assertThat(t.readLatency()).isEqualTo(RL + DQSCK + BL2);
        // counted from the RD's first clock: READ-1 + CAS-2 take 4 clocks, RL counts from the last
        assertThat(LP4.readLatency()).isEqualTo(LONG - 1 + RL + DQSCK + BL2);
        assertThat(LP4.bytesPerAccess()).isEqualTo(32); // BL16 on a 16-bit channel
        // under the DDR3/DDR4 rules the same part read CL and had no tDQSCK: that is what changed
        assertThat(SimSpec.of(PART, Protocol.DDR).timings().readLatency()).isEqualTo(12 + BL2);
    }

    @Test
    void aRowTheProtocolNeedsIsRefusedByNameNotDefaulted() {
        for (String row : List.of("RL", "RPpb", "RPab", "DQSCK", "PPD", "WTR", "RRD", "FAW", "RTP", "CCD")) {
            Map<String, Integer> c = new LinkedHashMap<>(PART.timings().cycles());
            c.remove(row);
            DramSpec without = PART.withTimings(new Timings(PART.timings().tckSeconds(), c));
            assertThatThrownBy(() -> SimSpec.of(without)).as(row).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("timing parameter " + row).hasMessageContaining(PART.name());
        }
    }

    /**
     * One rule: {@code first} to a bank, then {@code next} to a bank (0 = the same, 1 = another), {@code gap} apart
     * from the last clock of one to the last clock of the other, as JESD209-4 counts.
     */
    private record Rule(String name, SimCommand first, SimCommand next, int nextBank, int gap) {
    }

    @Test
    void everyRuleHoldsAtItsExactBoundary() {
        List<Rule> rules = List.of(
                new Rule("tRCD ACT->RD", ACT, RD, 0, RCD),
                new Rule("tRCD ACT->WRA", ACT, WRA, 0, RCD),
                new Rule("tRAS ACT->PRE", ACT, PRE, 0, RAS),
                new Rule("tRAS ACT->PREA", ACT, PREA, 0, RAS),
                new Rule("tRC ACT->ACT same bank", ACT, ACT, 0, RC),
                new Rule("tRC ACT->REF", ACT, REF, 0, RC),
                new Rule("tRRD ACT->ACT", ACT, ACT, 1, RRD),
                new Rule("tRPpb PRE->ACT", PRE, ACT, 0, RPPB),
                new Rule("tRPab PREA->ACT", PREA, ACT, 0, RPAB),
                new Rule("tRPpb PRE->REF", PRE, REF, 0, RPPB),
                new Rule("tRPab PREA->REF", PREA, REF, 0, RPAB),
                new Rule("tPPD PRE->PRE", PRE, PRE, 1, PPD),
                new Rule("tPPD PRE->PREA", PRE, PREA, 0, PPD),
                new Rule("tPPD PREA->PRE", PREA, PRE, 1, PPD),
                new Rule("tCCD RD->RD", RD, RD, 1, CCD),
                new Rule("tCCD WR->WR", WR, WR, 1, CCD),
                new Rule("RD->WR", RD, WR, 1, RD_TO_WR),
                new Rule("RDA->WR", RDA, WR, 1, RD_TO_WR),
                new Rule("WR->RD (tWTR)", WR, RD, 1, WR_TO_RD),
                new Rule("WRA->RDA (tWTR)", WRA, RDA, 1, WR_TO_RD),
                new Rule("RD->PRE (tRTP)", RD, PRE, 0, RD_TO_PRE),
                new Rule("RD->PREA (tRTP)", RD, PREA, 0, RD_TO_PRE),
                new Rule("WR->PRE (tWR)", WR, PRE, 0, WR_TO_PRE),
                new Rule("WR->PREA (tWR)", WR, PREA, 0, WR_TO_PRE),
                new Rule("RDA->ACT", RDA, ACT, 0, RD_TO_PRE + RPPB),
                new Rule("WRA->ACT", WRA, ACT, 0, WR_TO_PRE + RPPB),
                new Rule("RDA->REF", RDA, REF, 0, RD_TO_PRE + RPPB),
                new Rule("WRA->REF", WRA, REF, 0, WR_TO_PRE + RPPB),
                new Rule("tRFCab REF->ACT", REF, ACT, 0, RFCAB),
                new Rule("tRFCab REF->REF", REF, REF, 0, RFCAB),
                // the command/address bus only: the next command's clocks after the last clock of the first
                new Rule("CA bus RD->ACT", RD, ACT, 1, LONG),
                new Rule("CA bus WR->ACT", WR, ACT, 1, LONG),
                new Rule("CA bus PRE->ACT", PRE, ACT, 1, LONG),
                new Rule("CA bus PRE->RD", PRE, RD, 1, LONG),
                new Rule("CA bus ACT->PRE", ACT, PRE, 1, SHORT),
                new Rule("CA bus REF->PRE", REF, PRE, 1, SHORT),
                new Rule("CA bus RD->PRE", RD, PRE, 1, SHORT));
        for (Rule r : rules) {
            DeviceTiming dev = device(LP4);
            dev.issue(r.first.ordinal(), 0, 0, 0, 0, T0);
            assertBoundary(dev, r.next, r.nextBank, T0 + issueGap(r.first, r.next, r.gap), r.name);
        }
    }

    @Test
    void readToPrechargeIsBl2WhenTrtpIsUnderEightClocks() {
        SimSpec shortRtp = SimSpec.of(PART.withCycles(Map.of("RTP", 6)));
        DeviceTiming dev = device(shortRtp);
        dev.issue(RD.ordinal(), 0, 0, 0, 0, T0);
        assertBoundary(dev, PRE, 0, T0 + issueGap(RD, PRE, BL2 + Math.max(8, 6) - 8), "RD->PRE with tRTP 6");
    }

    @Test
    void aFifthActivateWaitsForTheFourActivateWindow() {
        // tFAW = 4 tRRD on the part: widen it so the window, not tRRD, binds
        int faw = 70;
        DeviceTiming dev = device(SimSpec.of(PART.withCycles(Map.of("FAW", faw))));
        for (int b = 0; b < 4; b++) {
            dev.issue(ACT.ordinal(), 0, 0, b, 0, T0 + (long) b * RRD);
        }
        assertBoundary(dev, ACT, 4, T0 + faw, "tFAW");
    }

    @Test
    void aSmallTraceTakesTheCyclesWorkedOutByHand() {
        // RoBaRaCoCh on 8 banks x 64 bursts of 32 B: bank = address bits 11..13, row from bit 14
        long[] addresses = {0, 32, 1L << 20, 1L << 15};
        boolean[] writes = {false, false, false, true};
        List<String> issued = new ArrayList<>();
        SimResult r = new DramSimulator(SimConfig.of(LP4, "RoBaRaCoCh").withDrain(true))
                .run(new RequestTrace("hand", addresses, writes, null),
                        (clk, c, cmd, ra, bg, ba, ro, co) -> issued.add(clk + " " + cmd + " b" + ba + " r" + ro));
        // issue cycles are first clocks: a JEDEC gap between last clocks + clocks(earlier) - clocks(later)
        int act1 = 1;
        int rd1 = act1 + RCD;                                                  // 30
        int rd2 = rd1 + CCD;                                                   // 38: row hit, tCCD
        int pre1 = Math.max(rd2 + RD_TO_PRE + LONG - SHORT, act1 + RAS + LONG - SHORT); // 71: tRAS binds
        int act2 = Math.max(pre1 + RPPB + SHORT - LONG, act1 + RC);            // 98
        int rd3 = act2 + RCD;                                                  // 127
        int pre2 = Math.max(rd3 + RD_TO_PRE + LONG - SHORT, act2 + RAS + LONG - SHORT); // 168
        int act3 = pre2 + RPPB + SHORT - LONG;                                 // 195
        int wr = act3 + RCD;                                                   // 224
        assertThat(issued).containsExactly(act1 + " ACT b0 r0", rd1 + " RD b0 r0", rd2 + " RD b0 r0",
                pre1 + " PRE b0 r64", act2 + " ACT b0 r64", rd3 + " RD b0 r64", pre2 + " PRE b0 r2",
                act3 + " ACT b0 r2", wr + " WR b0 r2");
        assertThat(r.drainCycles()).isEqualTo(wr);
        // reads arrive at cycles 0, 1, 2 and end RL + tDQSCK + BL/2 after their RD's last clock
        int lat = LONG - 1 + RL + DQSCK + BL2;
        assertThat(r.readLatencySum()).isEqualTo((rd1 + lat) + (rd2 + lat - 1) + (rd3 + lat - 2));
    }

    @Test
    void issuedCommandsKeepJesd2094Timing() {
        for (PagePolicy p : PagePolicy.values()) {
            LowPowerTraceChecker ch = new LowPowerTraceChecker(GAPS);
            SimResult r = new DramSimulator(SimConfig.of(LP4, "RoBaRaCoCh").withPagePolicy(p, 1).withDrain(true))
                    .run(RequestTrace.uniformRandom(4000, LP4.capacityBytes(), 0.3, 19),
                            (clk, c, cmd, ra, bg, ba, ro, co) -> ch.accept(clk, cmd, ba));
            assertThat(r.reads() + r.writes()).isEqualTo(4000);
            assertThat(ch.minActToCas).as(p + " ACT->CAS").isEqualTo(RCD);
            assertThat(ch.minActToAct).as(p + " ACT->ACT").isEqualTo(RRD);
            assertThat(ch.refs).as(p + " refreshes").isGreaterThanOrEqualTo(r.drainCycles() / REFI);
        }
    }

    private static DeviceTiming device(SimSpec s) {
        return new DeviceTiming(s.organization(), s.protocol().constraints(s.timings()));
    }

    /** The gap between issue cycles (first clocks) of {@code first} and {@code next} {@code lastToLast} apart. */
    private static int issueGap(SimCommand first, SimCommand next, int lastToLast) {
        return lastToLast + clocks(first) - clocks(next);
    }

    private static int clocks(SimCommand c) {
        return c == ACT || c == RD || c == RDA || c == WR || c == WRA ? LONG : SHORT;
    }

    /** {@code next} to bank {@code bank} is refused one cycle before {@code at} and accepted at {@code at}. */
    private static void assertBoundary(DeviceTiming dev, SimCommand next, int bank, long at, String rule) {
        long ready = dev.readyAt(next.ordinal(), 0, 0, bank);
        assertThat(at - 1 >= ready).as(rule + ": refused at tX-1").isFalse();
        assertThat(at >= ready).as(rule + ": accepted at tX").isTrue();
    }
}
