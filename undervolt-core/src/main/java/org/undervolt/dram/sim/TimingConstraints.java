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
 * The command-to-command timing constraints of DDR3/DDR4 as data: "after {@code preceding} at this level,
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
        return List.copyOf(c);
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
