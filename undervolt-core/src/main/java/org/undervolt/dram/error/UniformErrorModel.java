package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * EDEN's error model 0: every stored bit flips independently with probability {@code ber},
 * whatever it holds and wherever it lies (Koppula et al., "EDEN", MICRO 2019, §5; SparkXD and
 * EnforceSNN use the same model, see research/papers.md §1.5 and §2.2).
 *
 * <p>Sparse and exact: it draws the geometric gaps between flips ({@link GeometricSkip}), so the
 * number of flips in {@code N} bits is exactly Binomial(N, ber) and the cost is proportional to it.
 */
public final class UniformErrorModel implements ErrorModel {
    private static final int BATCH = 256;

    private final double ber;
    private final GeometricSkip skip;

    public UniformErrorModel(double ber) {
        if (!(ber >= 0 && ber <= 1)) {
            throw new IllegalArgumentException("bit error rate must be in [0, 1], not " + ber);
        }
        this.ber = ber;
        this.skip = new GeometricSkip(ber);
    }

    public double ber() {
        return ber;
    }

    @Override
    public String name() {
        return "uniform(ber=" + ber + ")";
    }

    @Override
    public double expectedFlips(MemoryRegion region) {
        return region.bits() * ber;
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        if (ber == 0) {
            return 0;
        }
        byte[] data = region.data();
        long bit = 8L * region.from() - 1;
        long end = 8L * region.to();
        long flips = 0;
        // Positions are drawn in batches and then applied, so that the out-of-order core overlaps
        // the cache misses of many flips instead of waiting on each one in turn.
        long[] batch = new long[BATCH];
        while (true) {
            int n = 0;
            boolean done = false;
            while (n < BATCH) {
                long gap = skip.next(rng);
                if (gap >= end - bit - 1) {
                    done = true;
                    break;
                }
                bit += gap + 1;
                batch[n++] = bit;
            }
            for (int k = 0; k < n; k++) {
                long b = batch[k];
                data[(int) (b >>> 3)] ^= (byte) (1 << (b & 7));
                listener.flipped(b);
            }
            flips += n;
            if (done) {
                return flips;
            }
        }
    }
}
