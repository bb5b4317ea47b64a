package org.undervolt.dram.error;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SparkXD/EnforceSNN's location-aware model: only weak DRAM regions (subarrays or whole banks) err,
 * each uniformly at its own bit error rate; the rest of the memory is error-free (Putra et al.,
 * EnforceSNN, Front. Neurosci. 2022, "bit error locations in DRAM"; docs/PAPERS.md §1.5).
 *
 * <p>The weak regions are either given (a map from region to BER, e.g. from a device's profile), or
 * drawn: each subarray (or bank) is weak with probability {@code weakFraction}, fixed per device or
 * redrawn per trial ({@link WeakCells}). Cost grows with the rows touched and the flips.
 */
public final class LocationAwareErrorModel implements ErrorModel {
    static final long TAG = 3;

    /** A DRAM region: a subarray of a bank (bank counted over channels and ranks), or the whole bank. */
    public record Region(int bank, int subarray) {
        public static final int WHOLE_BANK = -1;

        public static Region bank(int bank) {
            return new Region(bank, WHOLE_BANK);
        }
    }

    /** Whether drawn weak regions are subarrays or banks. */
    public enum Granularity { SUBARRAY, BANK }

    private final Map<Region, Double> given;
    private final double weakFraction;
    private final double weakBer;
    private final Granularity granularity;
    private final WeakCells weakCells;
    /** One sampler per BER in use, built up front so injection only reads (thread-safe). */
    private final Map<Double, GeometricSkip> skips;

    private LocationAwareErrorModel(Map<Region, Double> given, double weakFraction, double weakBer,
                                    Granularity granularity, WeakCells weakCells) {
        this.given = given;
        this.weakFraction = weakFraction;
        this.weakBer = weakBer;
        this.granularity = granularity;
        this.weakCells = weakCells;
        Map<Double, GeometricSkip> samplers = new HashMap<>();
        if (given != null) {
            given.values().forEach(b -> samplers.computeIfAbsent(b, GeometricSkip::new));
        } else {
            samplers.put(weakBer, new GeometricSkip(weakBer));
            if (!(weakFraction >= 0 && weakFraction <= 1)) {
                throw new IllegalArgumentException("weak fraction must be in [0, 1], not " + weakFraction);
            }
        }
        this.skips = Map.copyOf(samplers);
    }

    /** Only the given regions err, each at its BER; a whole-bank entry covers every subarray not listed. */
    public static LocationAwareErrorModel of(Map<Region, Double> weakRegions) {
        return new LocationAwareErrorModel(Map.copyOf(weakRegions), 0, 0, Granularity.SUBARRAY, WeakCells.fixed(0));
    }

    /** Each subarray or bank is weak with probability {@code weakFraction}, and weak ones err at {@code ber}. */
    public static LocationAwareErrorModel random(double weakFraction, double ber, Granularity granularity,
                                                 WeakCells weakCells) {
        return new LocationAwareErrorModel(null, weakFraction, ber, granularity, weakCells);
    }

    private GeometricSkip skip(double ber) {
        return skips.get(ber);
    }

    @Override
    public String name() {
        return given != null ? "location(" + given.size() + " weak regions)"
                : "location(weak-fraction=" + ErrorModelParameter.shortest(weakFraction) + ", granularity="
                + granularity.name().toLowerCase(java.util.Locale.ROOT) + ", cell-rate=" + ErrorModelParameter.shortest(weakBer)
                + ", weak=" + weakCells + ")";
    }

    @Override
    public boolean needsLayout() {
        return true;
    }

    /** The BER of a subarray on the device named by {@code seed} (ignored for given regions). */
    public double ber(long seed, int bank, int subarray) {
        if (given != null) {
            Double b = given.get(new Region(bank, subarray));
            if (b == null) {
                b = given.get(Region.bank(bank));
            }
            return b == null ? 0 : b;
        }
        double u = granularity == Granularity.BANK ? WeakCells.uniform(seed, TAG, bank)
                : WeakCells.uniform(seed, TAG, bank, subarray);
        return u < weakFraction ? weakBer : 0;
    }

    @Override
    public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
        long seed = given != null ? 0 : weakCells.seed(rng);
        long flips = 0;
        for (RowSpan s : region.spans()) {
            double ber = ber(seed, s.bank(), s.subarray());
            if (ber == 0) {
                continue;
            }
            long first = 8L * s.from();
            flips += skip(ber).forEach(8L * s.length(), rng, i -> {
                region.flip(first + i);
                listener.flipped(first + i);
            });
        }
        return flips;
    }

    @Override
    public double expectedFlips(MemoryRegion region) {
        double sum = 0;
        for (RowSpan s : region.spans()) {
            double ber = given != null || weakCells.fixed() ? ber(weakCells.deviceSeed(), s.bank(), s.subarray())
                    : weakFraction * weakBer;
            sum += 8.0 * s.length() * ber;
        }
        return sum;
    }
}
