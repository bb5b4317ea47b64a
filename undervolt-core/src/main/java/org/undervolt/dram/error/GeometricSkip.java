package org.undervolt.dram.error;

import java.util.SplittableRandom;

/**
 * Draws the gaps between successes of independent Bernoulli(p) trials, so that a sequence of
 * {@code n} trials costs time proportional to the number of successes rather than to {@code n}.
 *
 * <p>The number of failures before the next success is geometric:
 * {@code P(G = k) = (1 - p)^k p}. With {@code E} standard exponential and
 * {@code lambda = -ln(1 - p)}, {@code G = floor(E / lambda)} has exactly that law, since
 * {@code P(G >= k) = P(E >= k lambda) = (1 - p)^k} (Devroye, <i>Non-Uniform Random Variate
 * Generation</i>, 1986, §X.2; the same as inversion {@code floor(ln U / ln(1 - p))} with
 * {@code E = -ln U}). E comes from a ziggurat ({@link ExponentialZiggurat}), which is several times
 * faster than a logarithm; lambda is computed with {@code log1p} so tiny p keep full precision.
 * p = 0 never succeeds; p = 1 always does.
 */
public final class GeometricSkip {
    /** Returned by {@link #next} when there is no next success (p = 0 or a gap beyond 2^63). */
    public static final long NEVER = Long.MAX_VALUE;

    private final double p;
    /** 1 / -ln(1 - p). */
    private final double inverseRate;

    public GeometricSkip(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], not " + p);
        }
        this.p = p;
        this.inverseRate = -1.0 / Math.log1p(-p);
    }

    public double p() {
        return p;
    }

    /** The number of failures before the next success, or {@link #NEVER}. */
    public long next(SplittableRandom rng) {
        if (p == 0) {
            return NEVER;
        }
        // E * inverseRate >= 0, so the cast truncates like floor, and saturates to NEVER beyond
        // 2^63; p = 1 gives inverseRate = 0, so gap 0.
        return (long) (ExponentialZiggurat.next(rng) * inverseRate);
    }

    /**
     * Calls {@code action} with the index of every success among trials {@code [0, n)}; returns
     * how many there were.
     */
    public long forEach(long n, SplittableRandom rng, IndexAction action) {
        long count = 0;
        long i = -1;
        while (true) {
            long gap = next(rng);
            if (gap >= n - i - 1) {
                return count;
            }
            i += gap + 1;
            action.at(i);
            count++;
        }
    }

    /** Receives the index of a success. */
    @FunctionalInterface
    public interface IndexAction {
        void at(long index);
    }
}
