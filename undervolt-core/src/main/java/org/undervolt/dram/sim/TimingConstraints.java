package org.undervolt.dram.sim;

import static org.undervolt.dram.sim.SimCommand.ACT;
import static org.undervolt.dram.sim.SimCommand.PRE;
import static org.undervolt.dram.sim.SimCommand.PREA;
import static org.undervolt.dram.sim.SimCommand.RD;
import static org.undervolt.dram.sim.SimCommand.RDA;
import static org.undervolt.dram.sim.SimCommand.REF;
import static org.undervolt.dram.sim.SimCommand.WR;
import static org.undervolt.dram.sim.SimCommand.WRA;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-to-command timing constraints of DDR3/DDR4 (and of LPDDR3 and LPDDR4: {@link #lpddr3}, {@link #lpddr4})
 * as data: "after {@code preceding} at this level,
 * {@code following} may not issue for {@code latency} cycles", where the level is the channel (data bus),
 * the rank, the bank group or the bank. A {@code window} of 4 makes the constraint count from the fourth-last
 * {@code preceding} (tFAW); a {@code sibling} constraint applies to the <em>other</em> ranks of the channel
 * (rank-to-rank bus turnaround).
 *
 * <p>Values from JESD79-4 (DDR4) / JESD79-3 (DDR3) section "timing parameters": CCD_S/L, RRD_S/L, FAW, WTR_S/L,
 * RTP, WR (counted from the end of the write burst: CWL + BL/2 + tWR), RAS, RP, RC, RCD, RFC; read-to-write
 * turnaround RL + BL/2 + 2 - WL assumes a 1-tCK write preamble. The set is the one Ramulator 2.0a models, so
 * results compare with it. DDR3 uses the same table with one bank group (its CCD, RRD, WTR fill both _S and _L).
 */
public final class TimingConstraints {

    /** Constraint levels, outermost first. */
    public static final int CHANNEL = 0, RANK = 1, BANKGROUP = 2, BANK = 3;

    /**
     * One constraint.
     *
     * @param level     CHANNEL, RANK, BANKGROUP or BANK
     * @param preceding the command issued
     * @param following the command it delays
     * @param latency   cycles
     * @param window    1, or N to count from the N-th last {@code preceding}
     * @param sibling   applies to the other nodes of the level (only RANK is used)
     */
    public record Constraint(int level, SimCommand preceding, SimCommand following, int latency, int window,
                             boolean sibling) {
    }

    private TimingConstraints() {
    }

    /**
     * The constraint set of LPDDR3 (JEDEC JESD209-3, "Command timing" / "AC timing" tables), one bank group:
     * <ul>
     *   <li>RD to WR: RL + RU(tDQSCKmax / tCK) + BL/2 + 1 - WL; WR to RD: WL + 1 + BL/2 + tWTR;</li>
     *   <li>RD to PRE: BL/2 + max(4, tRTP) - 4; WR to PRE: WL + BL/2 + 1 + tWR; auto-precharge adds tRPpb;</li>
     *   <li>PRE (per bank) to ACT tRPpb, PREA to ACT tRPab; ACT to ACT tRRD, tFAW (4 ACTs), tRC; ACT to RD/WR
     *       tRCD; ACT to PRE tRAS; REF (all-bank) to ACT tRFCab;</li>
     *   <li>rank-to-rank switch: BL/2 + nCS as for DDR (JESD209-3 has no parameter; dual-rank LPDDR3 is rare).</li>
     * </ul>
     */
    public static List<Constraint> lpddr3(SimTimings t) {
        List<Constraint> c = new ArrayList<>();
        int bl = t.nBL(), rl = t.nCL(), wl = t.nCWL();
        int rdToWr = rl + t.nDQSCK() + bl + 1 - wl;
        int wrToRd = wl + 1 + bl + t.nWTRS();
        int rdToPre = bl + Math.max(4, t.nRTP()) - 4;
        int wrToPre = wl + bl + 1 + t.nWR();
        lowPowerRows(c, t, rdToWr, wrToRd, rdToPre, wrToPre);
        return List.copyOf(c);
    }

    /**
     * Command/address-bus clocks of an LPDDR4 ACT (ACTIVATE-1 + ACTIVATE-2) and of a column command (READ-1 or
     * WRITE-1 + CAS-2): two 2-clock commands each (JESD209-4, "Command truth table").
     */
    static final int LPDDR4_LONG_COMMAND_CLOCKS = 4;
    /** Command/address-bus clocks of an LPDDR4 PRECHARGE (per bank or all banks) and REFRESH: one 2-clock command. */
    static final int LPDDR4_SHORT_COMMAND_CLOCKS = 2;
    /**
     * LPDDR4's write preamble, 2 tCK (JESD209-4, "Write preamble and postamble"; the standard has no other
     * setting), the tWPRE term of the read-to-write formula.
     */
    static final int LPDDR4_WRITE_PREAMBLE = 2;
    /**
     * RD(tRPST / tCK) of the read-to-write formula: 0 for the 0.5 tCK read postamble that is the power-up setting of
     * mode register MR1 OP[7] (JESD209-4, "Read preamble and postamble"; the 1.5 tCK option would make it 1).
     */
    static final int LPDDR4_READ_POSTAMBLE_ROUNDED_DOWN = 0;

    /**
     * The constraint set of LPDDR4 (JEDEC JESD209-4), one bank group, all values in tCK from the part's timing
     * rows. LPDDR4 commands take several clocks on the command/address bus and JESD209-4 counts every timing from the
     * last clock of a command to the last clock of the next; the simulator issues a command at its first clock, so
     * each rule below, a gap between last clocks, becomes the row gap + clocks(preceding) - clocks(following), and a
     * command keeps the bus for its clocks ({@link #lpddr4Clocks}). Under that reading a read's data ends
     * clocks(RD) - 1 + RL + tDQSCK + BL/2 after its RD is issued ({@link Protocol#readLatency}).
     * <ul>
     *   <li>command/address bus: ACT (ACTIVATE-1 + ACTIVATE-2) and RD/WR (READ-1 or WRITE-1 + CAS-2) take 4 clocks,
     *       PRE, PREA and REF 2 (JESD209-4 "Command truth table": 2-clock commands, two of them for ACT and column
     *       commands);</li>
     *   <li>data bus and column to column: RD to RD and WR to WR BL/2 on the channel, tCCD in the rank (JESD209-4
     *       "Core AC timing" table: tCCD = BL/2, 8 tCK for BL16);</li>
     *   <li>RD to WR: RL + RU(tDQSCKmax / tCK) + BL/2 - WL + tWPRE + RD(tRPST / tCK) ("Timing between READ and
     *       WRITE", with tWPRE 2 tCK and the 0.5 tCK read postamble: {@link #LPDDR4_WRITE_PREAMBLE},
     *       {@link #LPDDR4_READ_POSTAMBLE_ROUNDED_DOWN}); WR to RD: WL + 1 + BL/2 + RU(tWTR / tCK) ("Timing between
     *       WRITE and READ"; tWTR from the "Core AC timing" table);</li>
     *   <li>RD to PRE: BL/2 + max(8, RU(tRTP / tCK)) - 8; WR to PRE: WL + BL/2 + 1 + RU(tWR / tCK) ("READ to
     *       PRECHARGE", "WRITE to PRECHARGE"; tRTP and tWR from "Core AC timing"); RDA and WRA start their internal
     *       precharge at those points, so ACT to the same bank follows tRPpb later ("Auto precharge");</li>
     *   <li>PRE (per bank) to ACT tRPpb, PREA to ACT tRPab, any PRE or PREA to the next PRE or PREA of the rank tPPD
     *       ("Core AC timing": tRPpb, tRPab, tPPD);</li>
     *   <li>ACT to ACT tRRD (other bank), tFAW (a fifth ACT), tRC (same bank); ACT to RD/WR tRCD; ACT to PRE/PREA
     *       tRAS ("Core AC timing");</li>
     *   <li>all-bank refresh: REF after ACT tRC, after PRE tRPpb, after PREA tRPab, after RDA/WRA their precharge
     *       point + tRPpb; REF to ACT or REF tRFCab ("Refresh requirement parameters" table);</li>
     *   <li>rank-to-rank switch: BL/2 + nCS as for LPDDR3 (JESD209-4 has no parameter for it).</li>
     * </ul>
     * Not modelled: tCCDMW (MASK WRITE to MASK WRITE of one bank): the simulator writes whole bursts with WR, and
     * tCCDMW binds only masked writes; per-bank refresh (REFpb, tRFCpb, tREFIpb): the simulator refreshes with the
     * all-bank REF every tREFI, which JESD209-4 permits on its own.
     */
    public static List<Constraint> lpddr4(SimTimings t) {
        List<Constraint> lastToLast = new ArrayList<>();
        int bl = t.nBL(), rl = t.nCL(), wl = t.nCWL();
        int rdToWr = rl + t.nDQSCK() + bl - wl + LPDDR4_WRITE_PREAMBLE + LPDDR4_READ_POSTAMBLE_ROUNDED_DOWN;
        int wrToRd = wl + 1 + bl + t.nWTRS();
        int rdToPre = bl + Math.max(8, t.nRTP()) - 8;
        int wrToPre = wl + bl + 1 + t.nWR();
        lowPowerRows(lastToLast, t, rdToWr, wrToRd, rdToPre, wrToPre);
        add(lastToLast, RANK, one(RDA), one(PREA), rdToPre, 1, false);
        add(lastToLast, RANK, one(WRA), one(PREA), wrToPre, 1, false);
        add(lastToLast, RANK, new SimCommand[] {PRE, PREA}, new SimCommand[] {PRE, PREA}, t.nPPD(), 1, false);
        add(lastToLast, RANK, one(REF), one(REF), t.nRFC(), 1, false);
        List<Constraint> c = new ArrayList<>();
        for (Constraint r : lastToLast) {
            c.add(new Constraint(r.level(), r.preceding(), r.following(),
                    r.latency() + lpddr4Clocks(r.preceding()) - lpddr4Clocks(r.following()), r.window(), r.sibling()));
        }
        for (SimCommand p : SimCommand.ALL) {
            add(c, CHANNEL, one(p), SimCommand.ALL, lpddr4Clocks(p), 1, false);
        }
        return List.copyOf(c);
    }

    /** Clocks an LPDDR4 command takes on the command/address bus (JESD209-4 "Command truth table"). */
    static int lpddr4Clocks(SimCommand c) {
        return c == ACT || c.accessing ? LPDDR4_LONG_COMMAND_CLOCKS : LPDDR4_SHORT_COMMAND_CLOCKS;
    }

    /**
     * The rows LPDDR3 and LPDDR4 share, from their formulas: data bus and column spacing, read/write turnarounds,
     * rank-to-rank switch, precharge after RD/WR, ACT spacing (tRRD, tFAW, tRC), tRAS, tRPpb/tRPab, tRCD, the all-bank
     * refresh's waits and tRFCab.
     */
    private static void lowPowerRows(List<Constraint> c, SimTimings t, int rdToWr, int wrToRd, int rdToPre, int wrToPre) {
        int bl = t.nBL(), rl = t.nCL(), wl = t.nCWL();
        add(c, CHANNEL, cas(RD), cas(RD), bl, 1, false);
        add(c, CHANNEL, cas(WR), cas(WR), bl, 1, false);
        add(c, RANK, cas(RD), cas(RD), t.nCCDS(), 1, false);
        add(c, RANK, cas(WR), cas(WR), t.nCCDS(), 1, false);
        add(c, RANK, cas(RD), cas(WR), rdToWr, 1, false);
        add(c, RANK, cas(WR), cas(RD), wrToRd, 1, false);
        add(c, RANK, cas(RD), new SimCommand[] {RD, RDA, WR, WRA}, bl + t.nCS(), 1, true);
        add(c, RANK, cas(WR), cas(RD), rl + bl + t.nCS() - wl, 1, true);
        add(c, RANK, one(RD), one(PREA), rdToPre, 1, false);
        add(c, RANK, one(WR), one(PREA), wrToPre, 1, false);
        add(c, RANK, one(ACT), one(ACT), t.nRRDS(), 1, false);
        add(c, RANK, one(ACT), one(ACT), t.nFAW(), 4, false);
        add(c, RANK, one(ACT), one(PREA), t.nRAS(), 1, false);
        add(c, RANK, one(PREA), one(ACT), t.nRPab(), 1, false);
        add(c, RANK, one(ACT), one(REF), t.nRC(), 1, false);
        add(c, RANK, one(PRE), one(REF), t.nRP(), 1, false);
        add(c, RANK, one(PREA), one(REF), t.nRPab(), 1, false);
        add(c, RANK, one(RDA), one(REF), rdToPre + t.nRP(), 1, false);
        add(c, RANK, one(WRA), one(REF), wrToPre + t.nRP(), 1, false);
        add(c, RANK, one(REF), one(ACT), t.nRFC(), 1, false);
        add(c, BANK, one(ACT), one(ACT), t.nRC(), 1, false);
        add(c, BANK, one(ACT), new SimCommand[] {RD, RDA, WR, WRA}, t.nRCD(), 1, false);
        add(c, BANK, one(ACT), one(PRE), t.nRAS(), 1, false);
        add(c, BANK, one(PRE), one(ACT), t.nRP(), 1, false);
        add(c, BANK, one(RD), one(PRE), rdToPre, 1, false);
        add(c, BANK, one(WR), one(PRE), wrToPre, 1, false);
        add(c, BANK, one(RDA), one(ACT), rdToPre + t.nRP(), 1, false);
        add(c, BANK, one(WRA), one(ACT), wrToPre + t.nRP(), 1, false);
    }

    /** The constraint set of DDR3/DDR4 for {@code t}. */
    public static List<Constraint> ddr(SimTimings t) {
        List<Constraint> c = new ArrayList<>();
        int bl = t.nBL(), cl = t.nCL(), cwl = t.nCWL();
        // channel: data bus occupancy by bursts
        add(c, CHANNEL, cas(RD), cas(RD), bl, 1, false);
        add(c, CHANNEL, cas(WR), cas(WR), bl, 1, false);
        // rank
        add(c, RANK, cas(RD), cas(RD), t.nCCDS(), 1, false);
        add(c, RANK, cas(WR), cas(WR), t.nCCDS(), 1, false);
        add(c, RANK, cas(RD), cas(WR), cl + bl + 2 - cwl, 1, false);
        add(c, RANK, cas(WR), cas(RD), cwl + bl + t.nWTRS(), 1, false);
        add(c, RANK, cas(RD), new SimCommand[] {RD, RDA, WR, WRA}, bl + t.nCS(), 1, true);
        add(c, RANK, cas(WR), cas(RD), cl + bl + t.nCS() - cwl, 1, true);
        add(c, RANK, one(RD), one(PREA), t.nRTP(), 1, false);
        add(c, RANK, one(WR), one(PREA), cwl + bl + t.nWR(), 1, false);
        add(c, RANK, one(ACT), one(ACT), t.nRRDS(), 1, false);
        add(c, RANK, one(ACT), one(ACT), t.nFAW(), 4, false);
        add(c, RANK, one(ACT), one(PREA), t.nRAS(), 1, false);
        add(c, RANK, one(PREA), one(ACT), t.nRP(), 1, false);
        add(c, RANK, one(ACT), one(REF), t.nRC(), 1, false);
        add(c, RANK, new SimCommand[] {PRE, PREA}, one(REF), t.nRP(), 1, false);
        add(c, RANK, one(RDA), one(REF), t.nRP() + t.nRTP(), 1, false);
        add(c, RANK, one(WRA), one(REF), cwl + bl + t.nWR() + t.nRP(), 1, false);
        add(c, RANK, one(REF), one(ACT), t.nRFC(), 1, false);
        // bank group
        add(c, BANKGROUP, cas(RD), cas(RD), t.nCCDL(), 1, false);
        add(c, BANKGROUP, cas(WR), cas(WR), t.nCCDL(), 1, false);
        add(c, BANKGROUP, cas(WR), cas(RD), cwl + bl + t.nWTRL(), 1, false);
        add(c, BANKGROUP, one(ACT), one(ACT), t.nRRDL(), 1, false);
        // bank
        add(c, BANK, one(ACT), one(ACT), t.nRC(), 1, false);
        add(c, BANK, one(ACT), new SimCommand[] {RD, RDA, WR, WRA}, t.nRCD(), 1, false);
        add(c, BANK, one(ACT), one(PRE), t.nRAS(), 1, false);
        add(c, BANK, one(PRE), one(ACT), t.nRP(), 1, false);
        add(c, BANK, one(RD), one(PRE), t.nRTP(), 1, false);
        add(c, BANK, one(WR), one(PRE), cwl + bl + t.nWR(), 1, false);
        add(c, BANK, one(RDA), one(ACT), t.nRTP() + t.nRP(), 1, false);
        add(c, BANK, one(WRA), one(ACT), cwl + bl + t.nWR() + t.nRP(), 1, false);
        return List.copyOf(c);
    }

    private static SimCommand[] cas(SimCommand rdOrWr) {
        return rdOrWr == RD ? new SimCommand[] {RD, RDA} : new SimCommand[] {WR, WRA};
    }

    private static SimCommand[] one(SimCommand c) {
        return new SimCommand[] {c};
    }

    private static void add(List<Constraint> out, int level, SimCommand[] preceding, SimCommand[] following,
                            int latency, int window, boolean sibling) {
        for (SimCommand p : preceding) {
            for (SimCommand f : following) {
                out.add(new Constraint(level, p, f, latency, window, sibling));
            }
        }
    }
}
