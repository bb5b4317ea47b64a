package org.undervolt.dram.error;

import java.util.ArrayList;
import java.util.List;

/** Test layouts: regions made of whole rows, filled bank by bank, subarray by subarray. */
final class Layouts {
    private Layouts() {
    }

    /** Full-row spans over {@code banks x subarrays x rows} rows of {@code rowBytes} bytes, in order. */
    static List<RowSpan> grid(int banks, int subarrays, int rows, int rowBytes) {
        List<RowSpan> spans = new ArrayList<>();
        int at = 0;
        for (int b = 0; b < banks; b++) {
            for (int s = 0; s < subarrays; s++) {
                for (int r = 0; r < rows; r++) {
                    spans.add(new RowSpan(at, at + rowBytes, b, s, r, 0));
                    at += rowBytes;
                }
            }
        }
        return spans;
    }

    static MemoryRegion region(byte[] data, List<RowSpan> spans) {
        return new MemoryRegion(data, 0, data.length, () -> spans);
    }

    /** Chi-square p-value of flips per cell of a partition: {@code key} maps a bit index to its cell. */
    static double uniformity(List<Long> flips, int cells, java.util.function.LongToIntFunction key) {
        long[] h = new long[cells];
        for (long f : flips) {
            h[key.applyAsInt(f)]++;
        }
        return ChiSquare.uniformPValue(h);
    }
}
