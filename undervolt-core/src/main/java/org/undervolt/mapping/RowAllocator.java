package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.undervolt.EnumWords;
import org.undervolt.InvalidInputException;

/**
 * Hands out DRAM rows, by default in DRMap order (Putra et al., DRMap, DAC 2020; SparkXD's placement, docs/PAPERS.md
 * §1.8): an item fills a whole row first (row-buffer hits), then the same row of the next bank (bank-level
 * parallelism; banks over ranks and channels), then the same row of the next subarray (subarray-level
 * parallelism), and only then the next row of the subarrays — restricted to the subarrays the caller allows
 * (safe ones, or one partition's). Rows once given are not given again. {@link Order#BANK_SEQUENTIAL} is the
 * baseline DRMap improves on: consecutive rows of one bank (every new row a row conflict, no bank parallelism).
 */
public final class RowAllocator {
    /** Which subarrays an item may use. */
    @FunctionalInterface
    public interface Eligible {
        boolean test(int flatBank, int subarray);
    }

    /** The order rows are handed out in. */
    public enum Order {
        /** DRMap: a row, then the same row of the next bank, then of the next subarray, then the next row. */
        DRMAP,
        /** The naive baseline: every row of a bank's first subarray, then its next subarray, then the next bank. */
        BANK_SEQUENTIAL;

        public static Order parse(String s) {
            return EnumWords.parse(values(), "--row-order", s, Map.of("sequential", BANK_SEQUENTIAL));
        }
    }

    private final DramModule module;
    private final Order order;
    private final int banks;
    private final int subarrays;
    private final int rowsPerSubarray;
    private final BitSet used;

    public RowAllocator(DramModule module) {
        this(module, Order.DRMAP);
    }

    public RowAllocator(DramModule module, Order order) {
        this.module = module;
        this.order = order;
        this.banks = module.totalBanks();
        this.subarrays = module.subarraysPerBank();
        this.rowsPerSubarray = module.rowsPerSubarray();
        this.used = new BitSet();
    }

    public DramModule module() {
        return module;
    }

    /** Rows of {@code bytes} bytes of data. */
    public long rowsFor(long bytes) {
        long rb = module.geometry().rowBytes();
        return (bytes + rb - 1) / rb;
    }

    /** Free rows in the subarrays {@code eligible} allows. */
    public long freeRows(Eligible eligible) {
        long n = 0;
        for (int s = 0; s < subarrays; s++) {
            for (int b = 0; b < banks; b++) {
                if (eligible.test(b, s)) {
                    int base = (b * subarrays + s) * rowsPerSubarray;
                    n += rowsPerSubarray - used.get(base, base + rowsPerSubarray).cardinality();
                }
            }
        }
        return n;
    }

    /**
     * The rows for {@code bytes} bytes of {@code name} in the allowed subarrays, in DRMap order.
     *
     * @throws InvalidInputException when the allowed subarrays have too few free rows
     */
    public RowList allocate(String name, long bytes, Eligible eligible) {
        if (bytes == 0) {
            return new RowList(name, 0, new int[0], new int[0], new int[0]);
        }
        long need = rowsFor(bytes);
        List<int[]> units = new ArrayList<>();
        for (int s = 0; s < subarrays; s++) {
            for (int b = 0; b < banks; b++) {
                if (eligible.test(b, s)) {
                    units.add(new int[] {b, s});
                }
            }
        }
        int[] rb = new int[(int) need];
        int[] rs = new int[(int) need];
        int[] rr = new int[(int) need];
        int k = 0;
        if (order == Order.BANK_SEQUENTIAL) {
            units.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
            for (int[] u : units) {
                for (int row = 0; row < rowsPerSubarray && k < need; row++) {
                    if (!used.get((u[0] * subarrays + u[1]) * rowsPerSubarray + row)) {
                        rb[k] = u[0];
                        rs[k] = u[1];
                        rr[k++] = row;
                    }
                }
            }
        }
        for (int row = 0; row < rowsPerSubarray && k < need; row++) {
            for (int[] u : units) {
                if (k == need) {
                    break;
                }
                int bit = (u[0] * subarrays + u[1]) * rowsPerSubarray + row;
                if (!used.get(bit)) {
                    rb[k] = u[0];
                    rs[k] = u[1];
                    rr[k] = row;
                    k++;
                }
            }
        }
        if (k < need) {
            throw new InvalidInputException(name + ": needs " + need + " rows, only " + k
                    + " free rows in the DRAM regions it may use");
        }
        for (int i = 0; i < k; i++) {
            used.set((rb[i] * subarrays + rs[i]) * rowsPerSubarray + rr[i]);
        }
        return new RowList(name, bytes, rb, rs, rr);
    }
}
