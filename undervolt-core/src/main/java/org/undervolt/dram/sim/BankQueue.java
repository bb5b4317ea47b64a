package org.undervolt.dram.sim;

import java.util.Arrays;

/**
 * A read or write queue indexed by bank. Requests are kept in arrival order (their ids increase with arrival),
 * overall and per bank, with the number of each bank's requests that hit its open row. FR-FCFS needs the
 * oldest request whose next command is ready; within a bank all row hits share one next command (RD or WR)
 * and all other requests another (ACT if the bank is closed, PRE otherwise), so a scheduler can check two
 * ready times per bank instead of one per request.
 */
final class BankQueue {
    final int[] ids;
    int size;
    final int[][] byBank;
    final int[] count;
    final int[] hits;
    /** Oldest request of each bank, Integer.MAX_VALUE when the bank has none (one load for the scheduler's scan). */
    final int[] first;
    private final int[] rowOf;

    BankQueue(int capacity, int banks, int[] rowOf) {
        ids = new int[capacity];
        byBank = new int[banks][capacity];
        count = new int[banks];
        hits = new int[banks];
        first = new int[banks];
        Arrays.fill(first, Integer.MAX_VALUE);
        this.rowOf = rowOf;
    }

    void add(int id, int bank, int openRow) {
        ids[size++] = id;
        if (count[bank] == 0) {
            first[bank] = id;
        }
        byBank[bank][count[bank]++] = id;
        if (rowOf[id] == openRow) {
            hits[bank]++;
        }
    }

    /** Removes request {@code id} of {@code bank}. */
    void remove(int id, int bank, int openRow) {
        int pos = Arrays.binarySearch(ids, 0, size, id);
        System.arraycopy(ids, pos + 1, ids, pos, size - pos - 1);
        size--;
        int[] list = byBank[bank];
        int n = count[bank];
        int i = 0;
        while (list[i] != id) {
            i++;
        }
        System.arraycopy(list, i + 1, list, i, n - i - 1);
        count[bank] = n - 1;
        first[bank] = n > 1 ? list[0] : Integer.MAX_VALUE;
        if (rowOf[id] == openRow) {
            hits[bank]--;
        }
    }

    /** Recounts the hits of {@code bank} after its open row changed to {@code openRow} (-1: closed). */
    void rowChanged(int bank, int openRow) {
        int h = 0;
        if (openRow >= 0) {
            int[] list = byBank[bank];
            for (int i = 0, n = count[bank]; i < n; i++) {
                if (rowOf[list[i]] == openRow) {
                    h++;
                }
            }
        }
        hits[bank] = h;
    }

    /** The oldest request of {@code bank} that hits (or, with {@code hit} false, misses) {@code openRow}. */
    int oldest(int bank, int openRow, boolean hit) {
        int[] list = byBank[bank];
        for (int i = 0, n = count[bank]; i < n; i++) {
            if ((rowOf[list[i]] == openRow) == hit) {
                return list[i];
            }
        }
        return -1;
    }
}
