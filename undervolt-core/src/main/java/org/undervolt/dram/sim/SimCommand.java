package org.undervolt.dram.sim;

import org.undervolt.dram.trace.Command;

/**
 * The DDR3/DDR4 commands the simulator issues, with the properties the controller needs (JESD79-3/-4
 * command truth tables): whether a command opens a row, closes one (or all), accesses columns or refreshes,
 * and the scope it addresses (one bank, or the whole rank for PREA and REF).
 */
public enum SimCommand {
    ACT(true, false, false, false, false),
    PRE(false, true, false, false, false),
    PREA(false, true, false, false, true),
    RD(false, false, true, false, false),
    WR(false, false, true, false, false),
    RDA(false, true, true, false, false),
    WRA(false, true, true, false, false),
    REF(false, false, false, true, true);

    /** Number of commands (array dimension of per-command tables). */
    public static final int COUNT = values().length;
    static final SimCommand[] ALL = values();

    final boolean opening;
    final boolean closing;
    final boolean accessing;
    final boolean refreshing;
    final boolean rankScope;

    SimCommand(boolean opening, boolean closing, boolean accessing, boolean refreshing, boolean rankScope) {
        this.opening = opening;
        this.closing = closing;
        this.accessing = accessing;
        this.refreshing = refreshing;
        this.rankScope = rankScope;
    }

    /** The same command in the project's DRAMPower vocabulary (REF is DRAMPower's all-bank REFA). */
    public Command drampower() {
        return switch (this) {
            case ACT -> Command.ACT;
            case PRE -> Command.PRE;
            case PREA -> Command.PREA;
            case RD -> Command.RD;
            case WR -> Command.WR;
            case RDA -> Command.RDA;
            case WRA -> Command.WRA;
            case REF -> Command.REFA;
        };
    }
}
