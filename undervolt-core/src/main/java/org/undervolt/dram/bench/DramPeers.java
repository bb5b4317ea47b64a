package org.undervolt.dram.bench;

/**
 * Recorded whole-process figures of the DRAM peers, for benchmarks run where the peers are not installed
 * ({@code scripts/peers/compare_dram.sh} runs them side by side where they are). Where each figure comes
 * from, with date, machine and method: {@code docs/PEERS.md}.
 */
public final class DramPeers {
    /**
     * DRAMPower 4.1 ({@code drampower -m MICRON_4Gb_DDR4-2400_8bit_A.xml -c T -r}, tag v4.1, its Makefile's
     * defaults), CPU seconds (user + system, whole process, median of 3) per 1,000,000 DDR4-2400 commands:
     * {@code scripts/peers/compare_dram.sh}, 2-core Debian 12 under heavy load, 7 December 2026 (docs/PEERS.md).
     */
    public static final double DRAMPOWER41_CPU_S_PER_MILLION = 1.49;

    /**
     * Ramulator 2.0a (tag v2.0a, CMake Release), CPU seconds (whole process, median of 3) per 1,000,000 random
     * LD/ST requests (50 % stores, 8 GiB, DDR4_8Gb_x8, DDR4_2400R, FR-FCFS, open row, RoBaRaCoCh): 11.76 s,
     * December 2026, issue 21's side-by-side run on the same machine kind (docs/PEERS.md).
     */
    public static final double RAMULATOR2_CPU_S_PER_MILLION = 11.76;

    private DramPeers() {
    }
}
