package org.undervolt.dram.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic characterisation: the bitmap an error model produces on a tested region. */
public final class ErrorBitmaps {
    private ErrorBitmaps() {
    }

    /**
     * Fills {@code banks x subarrays x rows} rows of {@code rowBytes} bytes with {@code pattern},
     * injects {@code model} once, and records the flipped cells, as a characterisation run on a
     * real device would.
     */
    public static ErrorBitmap generate(ErrorModel model, int pattern, double vdd, double trcd, int banks,
                                       int subarrays, int rows, int rowBytes, SplittableRandom rng) {
        long bytes = (long) banks * subarrays * rows * rowBytes;
        if (bytes > Integer.MAX_VALUE - 8 || bytes <= 0) {
            throw new IllegalArgumentException("tested region of " + bytes + " bytes; expected 1 .. 2^31 - 9");
        }
        byte[] data = new byte[(int) bytes];
        Arrays.fill(data, (byte) pattern);
        List<RowSpan> spans = new ArrayList<>(banks * subarrays * rows);
        int at = 0;
        for (int b = 0; b < banks; b++) {
            for (int s = 0; s < subarrays; s++) {
                for (int r = 0; r < rows; r++) {
                    spans.add(new RowSpan(at, at + rowBytes, b, s, r, 0));
                    at += rowBytes;
                }
            }
        }
        long[] flips = new long[16];
        int[] n = {0};
        long[][] holder = {flips};
        model.inject(new MemoryRegion(data, 0, data.length, () -> spans), rng, bit -> {
            if (n[0] == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], 2 * n[0]);
            }
            holder[0][n[0]++] = bit;
        });
        long[] cells = Arrays.copyOf(holder[0], n[0]);
        Arrays.sort(cells);
        return new ErrorBitmap(pattern, vdd, trcd, banks, subarrays, rows, rowBytes, cells);
    }
}
