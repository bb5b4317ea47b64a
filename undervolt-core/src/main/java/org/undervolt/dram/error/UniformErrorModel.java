package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * EDEN's error model 0: every stored bit flips independently with probability {@code ber},
 * whatever it holds and wherever it lies (Koppula et al., "EDEN", MICRO 2019, §5; SparkXD and
 * EnforceSNN use the same model, see docs/PAPERS.md §1.5 and §2.2).
 *
 * <p>Sparse and exact: it draws the geometric gaps between flips, so the number of flips in
 * {@code N} bits is exactly Binomial(N, ber) and the cost is proportional to it. Two samplers draw
 * the gaps with the same law from different streams ({@link Sampler}); for a given generator they
 * flip different bits.
 */
public final class UniformErrorModel implements ErrorModel {
    private static final int BATCH = 256;
    /** Most gaps drawn per block by the {@link Sampler#BLOCKED} sampler. */
    private static final int BLOCK = 512;
    /** Bytes copied at a time by {@link #copyAndInject}: a third of a 48 KiB first-level data cache. */
    private static final int CHUNK = 16 * 1024;
    /**
     * Regions up to this size (the second-level cache) are copied whole and then injected: they stay
     * in cache between the two, and the plain loops are faster.
     */
    static final int FUSE_ABOVE = 1 << 21;
    /** Each thread's block of gaps, reused: allocating and zeroing it costs 5% of a 1M-bit injection. */
    private static final ThreadLocal<double[]> BUFFER = ThreadLocal.withInitial(() -> new double[BLOCK]);
    /** Each thread's block of bit positions for {@link #copyAndInject}. */
    private static final ThreadLocal<long[]> POSITIONS = ThreadLocal.withInitial(() -> new long[BLOCK]);

    /** How the gaps between flips are drawn. Both are exact; they differ in speed and stream. */
    public enum Sampler {
        /**
         * One gap at a time from the generator itself ({@link GeometricSkip}, ziggurat
         * exponentials). The stream every result before session 2's switch to {@link #BLOCKED} was
         * produced with; kept, and selectable ({@code --sampler sequential}), to reproduce those.
         */
        SEQUENTIAL,
        /**
         * Gaps a block at a time from a stream keyed by two values of the generator
         * ({@link BlockGeometricGaps}, vectorized): about twice as fast per flip once the JIT has
         * compiled the vector kernel, which long runs only reach (see
         * {@link BlockGeometricGaps#SCALAR_GAPS}).
         */
        BLOCKED;

        /**
         * The sampler {@link UniformErrorModel#UniformErrorModel(double)} uses: the blocked one, which meets
         * issue 4's "at most 2x a copy for BER <= 1e-3" once compiled (undervolt-bench/README.md).
         */
        public static final Sampler DEFAULT = BLOCKED;
    }

    private final double ber;
    private final Sampler sampler;
    private final GeometricSkip skip;
    /**
     * Null unless {@link Sampler#BLOCKED} and {@link BlockGeometricGaps#MIN_P} <= ber < 1; the
     * sequential sampler serves the extremes (and draws nothing for ber = 0).
     */
    private final BlockGeometricGaps blocks;

    public UniformErrorModel(double ber) {
        this(ber, Sampler.DEFAULT);
    }

    public UniformErrorModel(double ber, Sampler sampler) {
        if (!(ber >= 0 && ber <= 1)) {
            throw new IllegalArgumentException("bit error rate must be in [0, 1], not " + ber);
        }
        this.ber = ber;
        this.sampler = sampler;
        this.skip = new GeometricSkip(ber);
        this.blocks = sampler == Sampler.BLOCKED && ber >= BlockGeometricGaps.MIN_P && ber < 1
                ? new BlockGeometricGaps(ber) : null;
    }

    public double ber() {
        return ber;
    }

    public Sampler sampler() {
        return sampler;
    }

    @Override
    public String name() {
        String b = ErrorModelParameter.shortest(ber);
        return sampler == Sampler.SEQUENTIAL ? "uniform(ber=" + b + ")"
                : "uniform(ber=" + b + ", sampler=" + sampler.name().toLowerCase() + ")";
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
        return blocks != null ? injectBlocked(region, rng, listener) : injectSequential(region, rng, listener);
    }

    /**
     * With the blocked sampler, regions beyond {@link #FUSE_ABOVE} bytes and 8 to 512 flips expected
     * per chunk (6.1e-5 <= ber <= 3.9e-3; measured: below, chunking the copy costs more than it
     * saves; above, the flips' own work dominates), copies and injects one chunk at a time, so each flipped byte is still in the first-level cache from its copy instead
     * of being fetched again: on images larger than the caches this halves the memory traffic of a
     * trial. Same flips as {@link #inject}.
     */
    @Override
    public long copyAndInject(byte[] source, MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        if (blocks == null || listener != FlipListener.NONE || region.to() - region.from() <= FUSE_ABOVE
                || ber * 8 * CHUNK < 8 || ber * 8 * CHUNK > 512) {
            return ErrorModel.super.copyAndInject(source, region, rng, listener);
        }
        long[] stream = BlockGeometricGaps.open(rng);
        byte[] data = region.data();
        int to = region.to();
        long end = 8L * to;
        double[] gaps = BUFFER.get();
        long[] positions = POSITIONS.get();
        long drawn = 0;
        long flips = 0;
        long bit = 8L * region.from() - 1; // the last bit drawn
        int n = 0; // positions[0, n) are the block's bits to flip, positions[k] the next one
        int k = 0;
        boolean last = false; // no bits to flip after this block
        for (int chunk = region.from(); chunk < to; ) {
            int chunkEnd = (int) Math.min(to, (long) chunk + CHUNK);
            System.arraycopy(source, chunk, data, chunk, chunkEnd - chunk);
            long limit = 8L * chunkEnd;
            while (true) {
                int stop = k;
                while (stop < n && positions[stop] < limit) {
                    stop++;
                }
                for (; k < stop; k++) { // a counted loop, which the JIT unrolls
                    long b = positions[k];
                    data[(int) (b >>> 3)] ^= (byte) (1 << (b & 7));
                }
                if (k < n || last) {
                    break;
                }
                int m = blockSize(end - bit - 1);
                blocks.fill(stream[0], stream[1], drawn, gaps, m);
                drawn += m;
                n = 0;
                for (int i = 0; i < m; i++) {
                    long gap = (long) gaps[i];
                    if (gap >= end - bit - 1) {
                        last = true;
                        break;
                    }
                    bit += gap + 1;
                    positions[n++] = bit;
                }
                flips += n;
                k = 0;
            }
            chunk = chunkEnd;
        }
        return flips;
    }

    private long injectSequential(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
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

    private long injectBlocked(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        long[] stream = BlockGeometricGaps.open(rng);
        byte[] data = region.data();
        long bit = 8L * region.from() - 1;
        long end = 8L * region.to();
        long drawn = 0;
        long flips = 0;
        double[] gaps = BUFFER.get();
        boolean listening = listener != FlipListener.NONE;
        while (true) {
            int n = blockSize(end - bit - 1);
            blocks.fill(stream[0], stream[1], drawn, gaps, n);
            drawn += n;
            // Two copies of the loop, so that the common case makes no call per flip.
            if (listening) {
                for (int k = 0; k < n; k++) {
                    long gap = (long) gaps[k];
                    if (gap >= end - bit - 1) {
                        return flips + k;
                    }
                    bit += gap + 1;
                    data[(int) (bit >>> 3)] ^= (byte) (1 << (bit & 7));
                    listener.flipped(bit);
                }
            } else {
                // Positions first, then the flips: the loop of flips is short, so the core keeps more
                // of their cache misses in flight.
                long[] positions = POSITIONS.get();
                int m = 0;
                boolean done = false;
                for (; m < n; m++) {
                    long gap = (long) gaps[m];
                    if (gap >= end - bit - 1) {
                        done = true;
                        break;
                    }
                    bit += gap + 1;
                    positions[m] = bit;
                }
                for (int k = 0; k < m; k++) {
                    long b = positions[k];
                    data[(int) (b >>> 3)] ^= (byte) (1 << (b & 7));
                }
                if (done) {
                    return flips + m;
                }
            }
            flips += n;
        }
    }

    /**
     * Gaps to draw next for {@code bitsLeft} bits: the expected flips plus four standard deviations
     * and one, rounded up to whole vectors, at most {@link #BLOCK}. Gaps drawn beyond the end are
     * discarded; which draw gives which gap does not depend on the block size.
     */
    private int blockSize(long bitsLeft) {
        double mean = bitsLeft * ber;
        double want = mean + 4 * Math.sqrt(mean) + 1;
        if (want >= BLOCK) {
            return BLOCK;
        }
        int lanes = BlockGeometricGaps.lanes();
        int n = (int) want;
        return Math.min(BLOCK, (n + lanes) / lanes * lanes);
    }
}
