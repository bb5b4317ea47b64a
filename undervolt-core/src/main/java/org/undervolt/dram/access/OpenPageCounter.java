package org.undervolt.dram.access;

import java.util.Arrays;

import org.undervolt.dram.sim.CommandListener;
import org.undervolt.dram.sim.SimCommand;

/**
 * Classifies a stream of burst accesses as row-buffer hits, misses or conflicts under an open-page
 * policy: every bank keeps its last row open until an access to another row forces PRE + ACT. Refresh and
 * timing are not modelled (a refresh closes all rows; callers who need that can {@link #closeAll()}).
 * Optionally the commands the accesses need are passed on to a {@link CommandListener} (e.g. the energy
 * listener): a hit is its RD or WR, a miss ACT then the column command, a conflict PRE, ACT, column command;
 * with no timing, the "cycle" passed is the access's index. Not thread-safe; one counter per access stream.
 */
public final class OpenPageCounter {
    private static final int CLOSED = -1;

    private final AddressMapping mapping;
    private final int[] openRow;
    private final int bytesPerBurst;
    private final CommandListener listener;
    private final int banks;
    private final int ranks;
    private long reads;
    private long writes;
    private long hits;
    private long misses;
    private long conflicts;

    public OpenPageCounter(AddressMapping mapping) {
        this(mapping, null);
    }

    /** A counter that also passes the commands the accesses need to {@code listener} (null: none). */
    public OpenPageCounter(AddressMapping mapping, CommandListener listener) {
        this.listener = listener;
        this.banks = mapping.organization().banks();
        this.ranks = mapping.organization().ranks();
        this.mapping = mapping;
        this.openRow = new int[mapping.flatBanks()];
        this.bytesPerBurst = mapping.organization().bytesPerBurst();
        Arrays.fill(openRow, CLOSED);
    }

    /** One burst access at {@code byteAddress}; returns what it found in the row buffer. */
    public RowBufferState access(long byteAddress, boolean write) {
        if (write) {
            writes++;
        } else {
            reads++;
        }
        int bank = mapping.flatBank(byteAddress);
        int row = mapping.row(byteAddress);
        int open = openRow[bank];
        RowBufferState state;
        if (open == row) {
            hits++;
            state = RowBufferState.HIT;
        } else {
            openRow[bank] = row;
            if (open == CLOSED) {
                misses++;
                state = RowBufferState.MISS;
            } else {
                conflicts++;
                state = RowBufferState.CONFLICT;
            }
        }
        if (listener != null) {
            emit(bank, open, row, state, write);
        }
        return state;
    }

    private void emit(int flatBank, int openBefore, int row, RowBufferState state, boolean write) {
        long at = reads + writes - 1;
        int channel = flatBank / (ranks * banks);
        int rank = flatBank / banks % ranks;
        int bank = flatBank % banks;
        int group = bank / mapping.organization().banksPerGroup();
        if (state == RowBufferState.CONFLICT) {
            listener.command(at, channel, SimCommand.PRE, rank, group, bank, openBefore, 0);
        }
        if (state != RowBufferState.HIT) {
            listener.command(at, channel, SimCommand.ACT, rank, group, bank, row, 0);
        }
        listener.command(at, channel, write ? SimCommand.WR : SimCommand.RD, rank, group, bank, row, 0);
    }

    /**
     * Accesses every burst overlapping the byte range [start, start + bytes), in address order
     * (e.g. a tensor read sequentially). Does nothing when {@code bytes == 0}.
     */
    public void accessRange(long start, long bytes, boolean write) {
        if (start < 0 || bytes < 0) {
            throw new IllegalArgumentException("start and bytes must be >= 0, got " + start + ", " + bytes);
        }
        if (bytes == 0) {
            return;
        }
        long first = start / bytesPerBurst;
        long last = (start + bytes - 1) / bytesPerBurst;
        for (long b = first; b <= last; b++) {
            access(b * bytesPerBurst, write);
        }
    }

    /** Precharges every bank (as a refresh or an idle close would). Counts are kept. */
    public void closeAll() {
        Arrays.fill(openRow, CLOSED);
    }

    /** Number of banks that currently hold an open row. */
    public int openBanks() {
        int n = 0;
        for (int r : openRow) {
            if (r != CLOSED) {
                n++;
            }
        }
        return n;
    }

    public AccessCounts counts() {
        return new AccessCounts(reads, writes, hits, misses, conflicts);
    }

    public AddressMapping mapping() {
        return mapping;
    }
}
