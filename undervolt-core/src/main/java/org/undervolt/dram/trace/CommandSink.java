package org.undervolt.dram.trace;

/**
 * Receives the commands of a trace one at a time, in trace order, so a trace of any length can be read,
 * checked and accounted without holding it ({@link TraceReader#stream}). {@link CommandTrace} is the sink
 * that keeps them.
 */
public interface CommandSink {

    /**
     * One command. {@code END} comes last, when the trace has one; NOP and power commands come as read.
     *
     * @param cycle    clock cycle
     * @param cmd      the command
     * @param rank     rank index (0 in DRAMPower 4 traces)
     * @param bank     rank-local bank index over all bank groups (0 for commands that name no bank)
     * @param slowExit whether a power-down entry is slow-exit (DRAMPower 4's PDN_S_*)
     * @param line     source line (1-based), 0 when the command did not come from a file
     */
    void command(long cycle, Command cmd, int rank, int bank, boolean slowExit, int line);

    /** The trace's format, once before its first command, when it was read from a file (nothing otherwise). */
    default void format(TraceFormat format) {
    }

    /** A sink passing every command (and the format) to each of {@code sinks} in turn. */
    static CommandSink tee(CommandSink... sinks) {
        CommandSink[] all = sinks.clone();
        return new CommandSink() {
            @Override
            public void command(long cycle, Command cmd, int rank, int bank, boolean slowExit, int line) {
                for (CommandSink s : all) {
                    s.command(cycle, cmd, rank, bank, slowExit, line);
                }
            }

            @Override
            public void format(TraceFormat format) {
                for (CommandSink s : all) {
                    s.format(format);
                }
            }
        };
    }

    /**
     * Where command number {@code index} (0-based, END excluded) is, for messages: "source:line", or
     * "source: command #n (cycle c)" when it has no line.
     */
    static String where(String source, int line, long index, long cycle) {
        return line > 0 ? source + ":" + line : source + ": command #" + (index + 1) + " (cycle " + cycle + ")";
    }
}
