package org.undervolt.dram.trace;

import java.util.EnumMap;
import java.util.Map;

/** A {@link CommandSink} that counts the commands of each kind (END not counted). */
public final class CommandCounts implements CommandSink {
    private static final Command[] COMMANDS = Command.values();
    private final long[] n = new long[COMMANDS.length];

    @Override
    public void command(long cycle, Command cmd, int rank, int bank, boolean slowExit, int line) {
        if (cmd != Command.END) {
            n[cmd.ordinal()]++;
        }
    }

    /** Counts one command of kind {@code ordinal} ({@link Command#ordinal()}, END excluded by the caller). */
    public void add(int ordinal) {
        n[ordinal]++;
    }

    /** Number of commands of each kind that occurred, in command order. */
    public Map<Command, Long> counts() {
        Map<Command, Long> m = new EnumMap<>(Command.class);
        for (Command c : COMMANDS) {
            if (n[c.ordinal()] > 0) {
                m.put(c, n[c.ordinal()]);
            }
        }
        return m;
    }
}
