package org.undervolt.dram.trace;

import java.util.Arrays;
import java.util.Map;

/**
 * A command trace held as parallel primitive arrays (compact for millions of commands): per command its
 * clock cycle, command, rank and rank-local bank index (over all bank groups), and whether a power-down
 * entry is slow-exit. {@link #endCycle()} is the END timestamp (the last command's cycle when there was no
 * END line).
 *
 * <p>Holding a trace costs 22 bytes per command; code that needs one pass streams it instead
 * ({@link TraceReader#stream} into a {@link CommandSink}).
 */
public final class CommandTrace implements CommandSink {
    private long[] cycle;
    private byte[] command;
    private int[] rank;
    private int[] bank;
    private boolean[] slow;
    private int[] line;
    private int size;
    private long endCycle = -1;
    private final String source;
    private TraceFormat format;

    public CommandTrace(String source, int initialCapacity) {
        this.source = source;
        int c = Math.max(16, initialCapacity);
        cycle = new long[c];
        command = new byte[c];
        rank = new int[c];
        bank = new int[c];
        slow = new boolean[c];
        line = new int[c];
    }

    private static final Command[] COMMANDS = Command.values();

    /** Appends a command (END sets {@link #endCycle()} instead). */
    public void add(long atCycle, Command cmd, int rankIndex, int bankIndex, boolean slowExit) {
        add(atCycle, cmd, rankIndex, bankIndex, slowExit, 0);
    }

    /** Appends a command read from source line {@code sourceLine} (1-based; 0 = not from a file). */
    public void add(long atCycle, Command cmd, int rankIndex, int bankIndex, boolean slowExit, int sourceLine) {
        if (cmd == Command.END) {
            endCycle = atCycle;
            return;
        }
        if (size == cycle.length) {
            int c = size * 2;
            cycle = Arrays.copyOf(cycle, c);
            command = Arrays.copyOf(command, c);
            rank = Arrays.copyOf(rank, c);
            bank = Arrays.copyOf(bank, c);
            slow = Arrays.copyOf(slow, c);
            line = Arrays.copyOf(line, c);
        }
        cycle[size] = atCycle;
        command[size] = (byte) cmd.ordinal();
        rank[size] = rankIndex;
        bank[size] = bankIndex;
        slow[size] = slowExit;
        line[size] = sourceLine;
        size++;
    }

    @Override
    public void format(TraceFormat format) {
        this.format = format;
    }

    /** The format of the file the commands were read from; null when they were not read from a file. */
    public TraceFormat format() {
        return format;
    }

    @Override
    public void command(long cycle, Command cmd, int rank, int bank, boolean slowExit, int line) {
        add(cycle, cmd, rank, bank, slowExit, line);
    }

    /** Passes every command to {@code sink} in order, then END when the trace has one. */
    public void replay(CommandSink sink) {
        if (format != null) {
            sink.format(format);
        }
        for (int i = 0; i < size; i++) {
            sink.command(cycle[i], COMMANDS[command[i]], rank[i], bank[i], slow[i], line[i]);
        }
        if (endCycle >= 0) {
            sink.command(endCycle, Command.END, 0, 0, false, 0);
        }
    }

    public void add(long atCycle, Command cmd, int rankIndex, int bankIndex) {
        add(atCycle, cmd, rankIndex, bankIndex, false);
    }

    public int size() {
        return size;
    }

    public long cycle(int i) {
        return cycle[i];
    }

    public Command command(int i) {
        return COMMANDS[command[i]];
    }

    /** Command ordinal (for hot loops: compare with {@code Command.X.ordinal()}). */
    public int commandOrdinal(int i) {
        return command[i];
    }

    public int rank(int i) {
        return rank[i];
    }

    public int bank(int i) {
        return bank[i];
    }

    public boolean slowExit(int i) {
        return slow[i];
    }

    /** Source line of command {@code i} (0 when the trace was not read from a file). */
    public int line(int i) {
        return line[i];
    }

    /** "file:line" of command {@code i} for messages, or "source: command #n (cycle c)" when it has no line. */
    public String where(int i) {
        return CommandSink.where(source, line[i], i, cycle[i]);
    }

    /** END timestamp, or the last command's cycle when the trace had no END (0 for an empty trace). */
    public long endCycle() {
        if (endCycle >= 0) {
            return endCycle;
        }
        return size == 0 ? 0 : cycle[size - 1];
    }

    public boolean hasEnd() {
        return endCycle >= 0;
    }

    public String source() {
        return source;
    }

    /** Number of commands of each kind. */
    public Map<Command, Long> counts() {
        CommandCounts c = new CommandCounts();
        replay(c);
        return c.counts();
    }
}
