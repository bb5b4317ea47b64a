package org.undervolt.dram.sim;

import java.util.Arrays;

/**
 * A read or write queue indexed by bank. Requests are kept in arrival order (their ids increase with arrival),
 * overall and per bank. FR-FCFS needs the oldest request whose next command is ready; within a bank all row
 * hits share one next command (RD or WR) and all other requests another (ACT if the bank is closed, PRE
 * otherwise), so the queue keeps, per bank, its oldest row hit and its oldest other request: a scheduler then
 * checks two ready times per bank instead of one per request.
 */
final class BankQueue {
    private static final long NONE = BankScan.NONE;

    final int[] ids;
    int size;
    /** Each bank's requests, oldest first: bank b's at b * capacity .. b * capacity + count[b] - 1. */
    private final int[] byBank;
    private final int capacity;
    private final int[] count;
    /**
     * Per bank: the oldest request that hits the open row, and the oldest that does not; {@link BankScan#NONE} if
     * none (longs, as {@link BankScan} reads them).
     */
    final long[] hitId, otherId;
    /**
     * Per rank, bit b set where bank b of the rank has a row-hit offer, so a scheduler visits only those banks for row
     * hits; kept while ranks have at most 64 banks ({@link #bits}).
     */
    final long[] hitBits;
    /** Whether {@link #hitBits} is kept. */
    final boolean bits;
    private final int banksPerRank;
    /**
     * A cycle before which no request of this queue can be picked, kept by its controller ({@link ChannelController});
     * {@link Long#MIN_VALUE}: unknown, pick again.
     */
    long notBefore = Long.MIN_VALUE;
    private final DecodedRequests q;

    BankQueue(int capacity, int banks, int banksPerRank, DecodedRequests q) {
        ids = new int[capacity];
        this.banksPerRank = banksPerRank;
        bits = banksPerRank <= Long.SIZE;
        hitBits = new long[banks / banksPerRank];
        byBank = new int[banks * capacity];
        this.capacity = capacity;
        count = new int[banks];
        hitId = new long[banks];
        otherId = new long[banks];
        Arrays.fill(hitId, NONE);
        Arrays.fill(otherId, NONE);
        this.q = q;
    }

    void add(int id, int bank, int openRow) {
        ids[size++] = id;
        byBank[bank * capacity + count[bank]++] = id;
        // ids grow with arrival: the new request is the oldest of its kind only if there is none yet
        if (q.row(id) == openRow) {
            if (hitId[bank] == NONE) {
                offers(bank, id, otherId[bank]);
            }
        } else if (otherId[bank] == NONE) {
            offers(bank, hitId[bank], id);
        }
    }

    /** Removes request {@code id} of {@code bank}. */
    void remove(int id, int bank, int openRow) {
        int pos = Arrays.binarySearch(ids, 0, size, id);
        System.arraycopy(ids, pos + 1, ids, pos, size - pos - 1);
        size--;
        int[] list = byBank;
        int n = count[bank];
        int base = bank * capacity;
        int i = base;
        while (list[i] != id) {
            i++;
        }
        System.arraycopy(list, i + 1, list, i, base + n - i - 1);
        count[bank] = n - 1;
        if (hitId[bank] == id || otherId[bank] == id) {
            rowChanged(bank, openRow);
        }
    }

    /** Finds the oldest hit and other request of {@code bank} after its open row changed to {@code openRow} (-1: closed). */
    void rowChanged(int bank, int openRow) {
        if (openRow < 0) {
            offers(bank, NONE, count[bank] > 0 ? byBank[bank * capacity] : NONE);
            return;
        }
        long h = NONE, o = NONE;
        int[] list = byBank;
        for (int i = bank * capacity, end = i + count[bank]; i < end && (h == NONE || o == NONE); i++) {
            int id = list[i];
            if (q.row(id) == openRow) {
                if (h == NONE) {
                    h = id;
                }
            } else if (o == NONE) {
                o = id;
            }
        }
        offers(bank, h, o);
    }

    /** Sets {@code bank}'s offers (request ids or {@link #NONE}) and its row-hit bit. */
    private void offers(int bank, long hit, long other) {
        hitId[bank] = hit;
        otherId[bank] = other;
        if (bits) {
            int rank = bank / banksPerRank;
            long bit = 1L << (bank - rank * banksPerRank);
            hitBits[rank] = hit == NONE ? hitBits[rank] & ~bit : hitBits[rank] | bit;
        }
    }
}
