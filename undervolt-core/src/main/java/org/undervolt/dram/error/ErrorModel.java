package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * A probabilistic model of which stored bits approximate DRAM flips (EDEN's error models 0–3,
 * SparkXD's location-aware model). Implementations are immutable; all randomness of one injection
 * comes from the generator passed in, so a trial is reproducible from its seed.
 *
 * <p>Injection must be exact in distribution and sparse: its cost grows with the number of flips
 * (and the rows or bitlines touched), not with the number of bits.
 */
public interface ErrorModel {

    /** A short description with parameters, e.g. {@code uniform(ber=1.0e-4)}. */
    String name();

    /** Whether {@link #inject} needs the region's DRAM locations. */
    default boolean needsLayout() {
        return false;
    }

    /**
     * Flips bits of {@code region} in place.
     *
     * @return the number of bits flipped
     */
    long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener);

    default long inject(MemoryRegion region, SplittableRandom rng) {
        return inject(region, rng, FlipListener.NONE);
    }

    /**
     * Copies {@code source[from, to)} over the region's bytes and then flips exactly the bits that
     * {@link #inject} would flip with the same generator: one Monte-Carlo trial restored from the
     * clean bytes. Models may do both in one pass over memory.
     *
     * @return the number of bits flipped
     */
    default long copyAndInject(byte[] source, MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        System.arraycopy(source, region.from(), region.data(), region.from(), region.to() - region.from());
        return inject(region, rng, listener);
    }

    /**
     * The expected number of flips one injection into {@code region} draws, given its current
     * contents (and, for fixed weak cells, the device). Costs time proportional to the region, not
     * to the flips: for reports and tests, not for the hot path.
     */
    double expectedFlips(MemoryRegion region);
}
