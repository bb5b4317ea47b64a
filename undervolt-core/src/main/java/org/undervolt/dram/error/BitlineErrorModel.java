package org.undervolt.dram.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * EDEN's error model 1: errors cluster along weak bitlines. A bitline (one bit column of one
 * subarray) is weak with probability {@code pb}; each cell on a weak bitline fails, independently
 * in every trial, with probability {@code fb}; other cells never fail. The expected bit error rate
 * is {@code pb * fb} (Koppula et al., "EDEN", MICRO 2019, §5.2; docs/PAPERS.md §2.2, where the
 * parameters are called P_B and F_B).
 *
 * <p>Sparse: weak bitlines are found by geometric gaps along each subarray's bit columns, and the
 * failing cells on each weak bitline by geometric gaps along the rows the region holds there, so the
 * cost grows with the weak bitlines and rows touched and the flips, not with the bits.
 */
public final class BitlineErrorModel extends WeakLineErrorModel {
    static final long TAG = 1;

    private final GeometricSkip weakSkip;

    public BitlineErrorModel(double pb, double fb, WeakCells weakCells) {
        super("bitline", pb, fb, weakCells);
        this.weakSkip = new GeometricSkip(pb);
    }

    /** The weak bit columns {@code < columnBits} of one subarray, for the given weak-cell seed. */
    public long[] weakBitlines(long seed, int bank, int subarray, long columnBits) {
        List<Long> out = new ArrayList<>();
        weakSkip.forEach(columnBits, Seeds.stream(seed, TAG, bank, subarray), out::add);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        long seed = weakCells.seed(rng);
        long flips = 0;
        for (Map.Entry<Subarrays.Key, List<RowSpan>> group : Subarrays.group(region.spans()).entrySet()) {
            List<RowSpan> spans = group.getValue();
            long columnBits = Subarrays.columnBits(spans);
            long[] weak = weakBitlines(seed, group.getKey().bank(), group.getKey().subarray(), columnBits);
            int[] cells = new int[spans.size()];
            for (long bitline : weak) {
                int column = (int) (bitline >>> 3);
                int n = 0;
                for (RowSpan s : spans) {
                    if (s.coversColumn(column)) {
                        cells[n++] = s.from() + column - s.column();
                    }
                }
                int bit = (int) (bitline & 7);
                int count = n;
                flips += failSkip.forEach(count, rng, i -> {
                    long b = 8L * cells[(int) i] + bit;
                    region.flip(b);
                    listener.flipped(b);
                });
            }
        }
        return flips;
    }

    @Override
    long weakLineCells(MemoryRegion region, long seed) {
        long cells = 0;
        for (Map.Entry<Subarrays.Key, List<RowSpan>> group : Subarrays.group(region.spans()).entrySet()) {
            List<RowSpan> spans = group.getValue();
            long columnBits = Subarrays.columnBits(spans);
            for (long bitline : weakBitlines(seed, group.getKey().bank(), group.getKey().subarray(), columnBits)) {
                for (RowSpan s : spans) {
                    cells += s.coversColumn((int) (bitline >>> 3)) ? 1 : 0;
                }
            }
        }
        return cells;
    }
}
