package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * EDEN's error model 2: errors cluster along weak wordlines. A row (wordline) is weak with
 * probability {@code pw}; each cell of a weak row fails, independently in every trial, with
 * probability {@code fw}; cells of other rows never fail. Expected bit error rate {@code pw * fw}
 * (Koppula et al., "EDEN", MICRO 2019, §5.2; docs/PAPERS.md §2.2: P_W and F_W).
 *
 * <p>Whether a row is weak is a function of {@code (weak-cell seed, bank, subarray, row)}, so it is
 * decided once per row touched; failing cells inside a weak row come by geometric gaps. Cost grows
 * with the rows touched and the flips.
 */
public final class WordlineErrorModel extends WeakLineErrorModel {
    static final long TAG = 2;

    public WordlineErrorModel(double pw, double fw, WeakCells weakCells) {
        super("wordline", pw, fw, weakCells);
    }

    /** Whether a row is weak on the device named by {@code seed}. */
    public boolean weakRow(long seed, int bank, int subarray, int row) {
        return WeakCells.uniform(seed, TAG, bank, subarray, row) < weakFraction;
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        if (weakFraction == 0 || cellRate == 0) {
            return 0;
        }
        long seed = weakCells.seed(rng);
        long flips = 0;
        for (RowSpan s : region.spans()) {
            if (!weakRow(seed, s.bank(), s.subarray(), s.row())) {
                continue;
            }
            long first = 8L * s.from();
            flips += failSkip.forEach(8L * s.length(), rng, i -> {
                region.flip(first + i);
                listener.flipped(first + i);
            });
        }
        return flips;
    }

    @Override
    long weakLineCells(MemoryRegion region, long seed) {
        long cells = 0;
        for (RowSpan s : region.spans()) {
            cells += weakRow(seed, s.bank(), s.subarray(), s.row()) ? 8L * s.length() : 0;
        }
        return cells;
    }
}
