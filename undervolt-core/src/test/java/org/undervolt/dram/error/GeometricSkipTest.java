package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GeometricSkipTest {

    @Test
    void gapsFollowTheGeometricLaw() {
        double p = 0.2;
        GeometricSkip skip = new GeometricSkip(p);
        SplittableRandom rng = new SplittableRandom(123);
        int kMax = 40;
        long[] observed = new long[kMax + 1];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            observed[(int) Math.min(kMax, skip.next(rng))]++;
        }
        double[] expected = new double[kMax + 1];
        for (int k = 0; k < kMax; k++) {
            expected[k] = draws * Math.pow(1 - p, k) * p;
        }
        expected[kMax] = draws * Math.pow(1 - p, kMax);
        assertThat(ChiSquare.pValue(observed, expected, 0)).isGreaterThan(1e-4);
    }

    @Test
    void extremesAreExact() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(new GeometricSkip(0).next(rng)).isEqualTo(GeometricSkip.NEVER);
        assertThat(new GeometricSkip(1).next(rng)).isZero();
        assertThat(new GeometricSkip(1).forEach(17, rng, i -> { })).isEqualTo(17);
        assertThat(new GeometricSkip(0).forEach(Long.MAX_VALUE, rng, i -> { })).isZero();
        // The smallest positive p: gaps are huge but never negative.
        assertThat(new GeometricSkip(Double.MIN_VALUE).next(rng)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void tinyProbabilitiesKeepTheirMean() {
        double p = 1e-9;
        GeometricSkip skip = new GeometricSkip(p);
        SplittableRandom rng = new SplittableRandom(77);
        int draws = 100_000;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += skip.next(rng);
        }
        double mean = (1 - p) / p;
        double sd = Math.sqrt(1 - p) / p / Math.sqrt(draws);
        assertThat(Math.abs(sum / draws - mean)).isLessThan(5 * sd);
    }
}
