package org.undervolt.dram.spec;

/**
 * When a read or write with auto-precharge (RDA, WRA) starts its bank's internal precharge: cycles after the
 * command, per standard. The bank counts as precharging from then, so an ACT to it may follow tRP later, and energy
 * accounting closes the bank there. B is the burst's clock cycles (BL / data rate).
 *
 * <ul>
 *   <li>DDR2: RDA B + AL − 2 + max(tRTP, 2), WRA B + WL + tWR;</li>
 *   <li>DDR3: RDA AL + max(tRTP, 4), WRA B + WL + tWR;</li>
 *   <li>DDR4, and DDR5 / LPDDR5 / other types: RDA AL + tRTP, WRA B + WL + tWR;</li>
 *   <li>LPDDR: RDA B, WRA B + tWR (the write's tDQSS is not in a memspec);</li>
 *   <li>LPDDR2: RDA B + max(0, tRTP − 2), WRA B + WL + tWR + 1;</li>
 *   <li>LPDDR3: RDA B + max(0, tRTP − 4), WRA B + WL + tWR + 1 (JESD209-3 "READ to PRECHARGE", "WRITE to
 *       PRECHARGE", as the simulator's {@code TimingConstraints.lpddr3});</li>
 *   <li>LPDDR4: RDA B + max(8, tRTP) − 8, WRA B + WL + tWR + 1 (JESD209-4, as {@code TimingConstraints.lpddr4});</li>
 *   <li>Wide I/O SDR: RDA B, WRA B + WL + tWR − 1.</li>
 * </ul>
 * The DDR2 … LPDDR3 and Wide I/O rows are DRAMPower 4.1's ({@code MemCommand::getPrechargeOffset}), so a trace
 * with auto-precharges is timed and counted as that tool counts it; the LPDDR4 row is the simulator's.
 */
public final class AutoPrecharge {
    private AutoPrecharge() {
    }

    /** Cycles from an RDA to its bank's internal precharge on {@code spec}. */
    public static long afterRead(DramSpec spec) {
        Timings t = spec.timings();
        long b = spec.organization().burstCycles();
        long al = t.firstOf("AL");
        long rtp = t.firstOf("RTP");
        return switch (spec.standard()) {
            case DDR2 -> b + al - 2 + Math.max(rtp, 2);
            case DDR3 -> al + Math.max(rtp, 4);
            case LPDDR, WIDEIO_SDR -> b;
            case LPDDR2 -> b + Math.max(0, rtp - 2);
            case LPDDR3 -> b + Math.max(0, rtp - 4);
            case LPDDR4 -> b + Math.max(8, rtp) - 8;
            default -> al + rtp;
        };
    }

    /** Cycles from a WRA to its bank's internal precharge on {@code spec}. */
    public static long afterWrite(DramSpec spec) {
        Timings t = spec.timings();
        long b = spec.organization().burstCycles();
        long wl = t.firstOf("WL");
        long wr = t.firstOf("WR");
        return switch (spec.standard()) {
            case LPDDR -> b + wr;
            case LPDDR2, LPDDR3, LPDDR4 -> b + wl + wr + 1;
            case WIDEIO_SDR -> b + wl + wr - 1;
            default -> b + wl + wr;
        };
    }
}
