package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * EDEN's error model 3: uniform random errors whose probability depends on the stored value — a
 * stored 0 reads as 1 with probability {@code p01}, a stored 1 reads as 0 with probability
 * {@code p10} (Koppula et al., "EDEN", MICRO 2019, §5.2; which direction dominates depends on
 * true-cell versus anti-cell layout, docs/PAPERS.md §2.2).
 *
 * <p>Exact and sparse by thinning: candidate positions come by geometric gaps at
 * {@code pmax = max(p01, p10)}, and a candidate holding value {@code v} flips with probability
 * {@code p_v / pmax}, so each bit flips independently with exactly {@code p_v}. Cost grows with
 * {@code pmax} times the bits.
 */
public final class DataDependentErrorModel implements ErrorModel {
    private final double p01;
    private final double p10;
    private final double pmax;
    private final GeometricSkip skip;

    public DataDependentErrorModel(double p01, double p10) {
        if (!(p01 >= 0 && p01 <= 1) || !(p10 >= 0 && p10 <= 1)) {
            throw new IllegalArgumentException("flip probabilities must be in [0, 1], not " + p01 + ", " + p10);
        }
        this.p01 = p01;
        this.p10 = p10;
        this.pmax = Math.max(p01, p10);
        this.skip = new GeometricSkip(pmax);
    }

    /** Probability that a stored 0 reads as 1. */
    public double p01() {
        return p01;
    }

    /** Probability that a stored 1 reads as 0. */
    public double p10() {
        return p10;
    }

    @Override
    public String name() {
        return "data-dependent(p01=" + ErrorModelParameter.shortest(p01) + ", p10=" + ErrorModelParameter.shortest(p10) + ")";
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        if (pmax == 0) {
            return 0;
        }
        double accept0 = p01 / pmax;
        double accept1 = p10 / pmax;
        long first = 8L * region.from();
        long[] flips = new long[1];
        skip.forEach(region.bits(), rng, i -> {
            long b = first + i;
            double accept = region.bit(b) == 0 ? accept0 : accept1;
            if (accept >= 1 || rng.nextDouble() < accept) {
                region.flip(b);
                listener.flipped(b);
                flips[0]++;
            }
        });
        return flips[0];
    }

    @Override
    public double expectedFlips(MemoryRegion region) {
        long ones = 0;
        byte[] data = region.data();
        for (int i = region.from(); i < region.to(); i++) {
            ones += Integer.bitCount(data[i] & 0xFF);
        }
        return (region.bits() - ones) * p01 + ones * p10;
    }
}
