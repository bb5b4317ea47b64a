package org.undervolt.dram.sim;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;

/**
 * The simulator's reading of a part's timing rows ({@link DramSpec#timings()}, JEDEC names without the "t")
 * under a {@link Protocol}: the cycle values its constraint set and controller need, compiled once. Not a
 * second description of the part: {@link #of} derives it, and a row the protocol needs that the part does not
 * define is an error naming it. DDR3 has no bank groups: its CCD, RRD and WTR fill both the _S and _L slots.
 *
 * @param tckPs  clock period in picoseconds
 * @param nBL    burst duration on the bus (BL / data rate = 4 for BL8)
 * @param nCL    CAS (read) latency (row CL, else RL; LPDDR4: RL)
 * @param nRCD   ACT to column command
 * @param nRP    PRE to ACT (RP, else the per-bank RPpb, else RPab; LPDDR4: RPpb)
 * @param nRAS   ACT to PRE
 * @param nRC    ACT to ACT, same bank (RC, else tRAS + tRP as JESD79-3F defines tRC)
 * @param nWR    write recovery (end of write burst to PRE)
 * @param nRTP   RD to PRE
 * @param nCWL   CAS write latency (row WL, else CWL)
 * @param nCCDS  column to column, different bank group (CCD_S, else CCD)
 * @param nCCDL  column to column, same bank group (CCD_L, else CCD)
 * @param nRRDS  ACT to ACT, different bank group (RRD_S, else RRD)
 * @param nRRDL  ACT to ACT, same bank group (RRD_L, else RRD)
 * @param nWTRS  end of write burst to RD, different bank group (WTR_S, else WTR)
 * @param nWTRL  end of write burst to RD, same bank group (WTR_L, else WTR)
 * @param nFAW   window of four ACTs in a rank
 * @param nRFC   all-bank refresh cycle time (RFC, RFC1 or RFCab)
 * @param nREFI  average refresh interval
 * @param nCS    rank-to-rank switch on the data bus (row CS; not a JEDEC parameter)
 * @param nRPab  all-bank precharge to ACT (LPDDR3/LPDDR4 row RPab; DDR protocol: nRP)
 * @param nDQSCK read DQS output access time added to the read latency (LPDDR3/LPDDR4 row DQSCK; DDR protocol: 0)
 * @param nPPD   precharge to precharge, any banks of a rank (LPDDR4 row PPD, JESD209-4 tPPD; other protocols: 0,
 *               no such rule)
 */
public record SimTimings(int tckPs, int nBL, int nCL, int nRCD, int nRP, int nRAS, int nRC, int nWR,
                         int nRTP, int nCWL, int nCCDS, int nCCDL, int nRRDS, int nRRDL, int nWTRS, int nWTRL,
                         int nFAW, int nRFC, int nREFI, int nCS, int nRPab, int nDQSCK, int nPPD) {

    public SimTimings {
        int[] all = {tckPs, nBL, nCL, nRCD, nRP, nRAS, nRC, nWR, nRTP, nCWL, nCCDS, nCCDL, nRRDS, nRRDL,
                nWTRS, nWTRL, nFAW, nRFC, nREFI};
        String[] names = {"tCK (ps)", "BL", "CL", "RCD", "RP", "RAS", "RC", "WR", "RTP", "CWL", "CCD_S", "CCD_L", "RRD_S",
                "RRD_L", "WTR_S", "WTR_L", "FAW", "RFC", "REFI"};
        for (int k = 0; k < all.length; k++) {
            if (all[k] <= 0) {
                throw new InvalidInputException("timing " + names[k] + " is " + all[k] + " cycles, expected at least 1 "
                        + "for the simulator (every timing rule it schedules by must be positive)");
            }
        }
        if (nCS < 0 || nDQSCK < 0 || nRPab <= 0 || nPPD < 0) {
            throw new InvalidInputException("need nCS >= 0, nDQSCK >= 0, nRPab > 0, nPPD >= 0; got " + nCS + ", " + nDQSCK
                    + ", " + nRPab + ", " + nPPD);
        }
    }

    /**
     * The timing rows of {@code part} the simulator needs under {@code protocol}. A missing row is an
     * {@link InvalidInputException} naming it. The rank-to-rank switch CS only constrains channels of several
     * ranks (it spaces commands to <em>other</em> ranks): a single-rank part need not define it.
     *
     * <p>Under {@link Protocol#LPDDR4} the rows are JESD209-4's names only: the read latency is RL (an LPDDR4
     * memspec's CL row, if any, is not the JESD209-4 read latency), per-bank precharge RPpb, all-bank RPab, DQSCK and
     * PPD; LPDDR4 has no bank groups, so its CCD, RRD and WTR fill both the _S and _L slots.
     */
    public static SimTimings of(DramSpec part, Protocol protocol) {
        Timings t = part.timings();
        Organization o = part.organization();
        String p = part.name();
        int tckPs = (int) Math.round(t.tckSeconds() * 1e12);
        boolean lp4 = protocol == Protocol.LPDDR4;
        int rp = lp4 ? t.require(p, "RPpb") : t.require(p, "RP", "RPpb", "RPab");
        int ras = t.require(p, "RAS");
        int rc = t.has("RC") || t.has("RCpb") || t.has("RCab") ? t.require(p, "RC", "RCpb", "RCab") : ras + rp;
        int cs = o.ranks() > 1 || t.has("CS") ? t.require(p, "CS") : 0;
        boolean lp = protocol == Protocol.LPDDR3 || lp4;
        int readLatency = lp4 ? t.require(p, "RL") : t.require(p, "CL", "RL");
        return new SimTimings(tckPs, o.burstCycles(), readLatency, t.require(p, "RCD"), rp, ras, rc,
                t.require(p, "WR"), t.require(p, "RTP"), t.require(p, "WL", "CWL"), t.require(p, "CCD_S", "CCD"),
                t.require(p, "CCD_L", "CCD"), t.require(p, "RRD_S", "RRD"), t.require(p, "RRD_L", "RRD"),
                t.require(p, "WTR_S", "WTR"), t.require(p, "WTR_L", "WTR"), t.require(p, "FAW"),
                t.require(p, "RFC", "RFC1", "RFCab"), t.require(p, "REFI"), cs,
                lp ? t.require(p, "RPab") : rp, lp ? t.require(p, "DQSCK") : 0, lp4 ? t.require(p, "PPD") : 0);
    }

    /** The same timings with tRCD = {@code rcd} cycles (the controller's per-bank tRCD keeps its own table). */
    public SimTimings withRcd(int rcd) {
        return new SimTimings(tckPs, nBL, nCL, rcd, nRP, nRAS, nRC, nWR, nRTP, nCWL, nCCDS, nCCDL, nRRDS, nRRDL,
                nWTRS, nWTRL, nFAW, nRFC, nREFI, nCS, nRPab, nDQSCK, nPPD);
    }

    /** Data rate in MT/s (two transfers per clock). */
    public int rate() {
        return (int) Math.round(2e6 / tckPs);
    }

    /**
     * Cycles from a RD command's last clock to the end of its data burst: CL (+ tDQSCK) + BL/2 (Ramulator's read
     * latency; for one-clock commands the RD's only clock; {@link SimSpec#readLatency} adds a multi-clock RD's
     * earlier clocks).
     */
        public int readLatency() {
        return nCL + nDQSCK + nBL;
    }

    /** Clock period in nanoseconds. */
    public double tckNs() {
        return tckPs / 1000.0;
    }

    /**
     * Nanoseconds to cycles as Ramulator 2.0a's JEDEC_rounding does: floor(t_ps * 1000 / tCK_ps + 974) / 1000,
     * i.e. round up unless the excess is under 2.6 % of a cycle (JESD79-4 section 13.5 rounding algorithm).
     */
    public static int nsToCycles(double ns, int tckPs) {
        long tPs = (long) (ns * 1000);
        return (int) ((tPs * 1000 / tckPs + 974) / 1000);
    }
}
