package org.undervolt.dram.sim;

/**
 * Timing parameters of one speed bin in clock cycles (nXX = tXX / tCK rounded up as JEDEC prescribes),
 * under the JEDEC JESD79-3/JESD79-4 names. DDR3 has no bank groups: its tCCD, tRRD and tWTR fill both the
 * _S and _L slots.
 *
 * @param rate  data rate in MT/s
 * @param tckPs clock period in picoseconds
 * @param nBL   burst duration on the bus (BL/2 = 4 for BL8)
 * @param nCL   CAS (read) latency
 * @param nRCD  ACT to column command
 * @param nRP   PRE to ACT
 * @param nRAS  ACT to PRE
 * @param nRC   ACT to ACT, same bank
 * @param nWR   write recovery (end of write burst to PRE)
 * @param nRTP  RD to PRE
 * @param nCWL  CAS write latency
 * @param nCCDS column to column, different bank group
 * @param nCCDL column to column, same bank group
 * @param nRRDS ACT to ACT, different bank group
 * @param nRRDL ACT to ACT, same bank group
 * @param nWTRS end of write burst to RD, different bank group
 * @param nWTRL end of write burst to RD, same bank group
 * @param nFAW  window of four ACTs in a rank
 * @param nRFC  all-bank refresh cycle time
 * @param nREFI average refresh interval
 * @param nCS   rank-to-rank switch on the data bus
 * @param nRPab all-bank precharge to ACT (LPDDR3 tRPab; DDR3/DDR4: nRP)
 * @param nDQSCK read DQS output access time added to the read latency (LPDDR3 tDQSCK max in cycles; DDR: 0)
 */
public record SimTimings(int rate, int tckPs, int nBL, int nCL, int nRCD, int nRP, int nRAS, int nRC, int nWR,
                         int nRTP, int nCWL, int nCCDS, int nCCDL, int nRRDS, int nRRDL, int nWTRS, int nWTRL,
                         int nFAW, int nRFC, int nREFI, int nCS, int nRPab, int nDQSCK) {

    /** DDR3/DDR4 timings: tRPab = tRP, no tDQSCK. */
    public SimTimings(int rate, int tckPs, int nBL, int nCL, int nRCD, int nRP, int nRAS, int nRC, int nWR,
                      int nRTP, int nCWL, int nCCDS, int nCCDL, int nRRDS, int nRRDL, int nWTRS, int nWTRL,
                      int nFAW, int nRFC, int nREFI, int nCS) {
        this(rate, tckPs, nBL, nCL, nRCD, nRP, nRAS, nRC, nWR, nRTP, nCWL, nCCDS, nCCDL, nRRDS, nRRDL, nWTRS, nWTRL,
                nFAW, nRFC, nREFI, nCS, nRP, 0);
    }

    public SimTimings {
        int[] all = {rate, tckPs, nBL, nCL, nRCD, nRP, nRAS, nRC, nWR, nRTP, nCWL, nCCDS, nCCDL, nRRDS, nRRDL,
                nWTRS, nWTRL, nFAW, nRFC, nREFI};
        for (int v : all) {
            if (v <= 0) {
                throw new IllegalArgumentException("timing parameters must be positive: " + java.util.Arrays.toString(all));
            }
        }
        if (nCS < 0 || nDQSCK < 0 || nRPab <= 0) {
            throw new IllegalArgumentException("need nCS >= 0, nDQSCK >= 0, nRPab > 0; got " + nCS + ", " + nDQSCK + ", " + nRPab);
        }
    }

    /** The same timings with tRCD = {@code rcd} cycles. */
    public SimTimings withRcd(int rcd) {
        return new SimTimings(rate, tckPs, nBL, nCL, rcd, nRP, nRAS, nRC, nWR, nRTP, nCWL, nCCDS, nCCDL, nRRDS, nRRDL,
                nWTRS, nWTRL, nFAW, nRFC, nREFI, nCS, nRPab, nDQSCK);
    }

    /** Cycles from a RD command to the end of its data burst: CL (+ tDQSCK) + BL/2 (Ramulator's read latency). */
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
