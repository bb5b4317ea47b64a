package org.undervolt.dram.sim;

/** Receives every command the simulated controllers issue, in issue order. */
@FunctionalInterface
public interface CommandListener {
    /**
     * @param clk        cycle of issue
     * @param channel    channel
     * @param cmd        command
     * @param rank       rank
     * @param bankGroup  bank group (0 for PREA/REF)
     * @param bank       bank index in the rank over all bank groups (0 for PREA/REF)
     * @param row        row (ACT, PRE, RD, WR; 0 otherwise)
     * @param column     device column of the burst's first beat (RD, WR; 0 otherwise)
     */
    void command(long clk, int channel, SimCommand cmd, int rank, int bankGroup, int bank, int row, int column);
}
