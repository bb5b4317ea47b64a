package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AccuracyBoxTest {

    /**
     * The corner minimum is the least lower bound over the box: no point drawn inside the box goes below it,
     * one corner attains it, and it is never below the spread bound used for many trials (it is tighter).
     */
    @Test
    void theCornerMinimumIsTheLeastLowerBoundOfTheBox() {
        SplittableRandom r = new SplittableRandom(7);
        for (int rep = 0; rep < 200; rep++) {
            int t = 2 + r.nextInt(5);
            double[] lo = new double[t];
            double[] hi = new double[t];
            for (int i = 0; i < t; i++) {
                lo[i] = 0.9 + 0.08 * r.nextDouble();
                hi[i] = lo[i] + 0.02 * r.nextDouble();
            }
            double least = AccuracyBox.leastLower95(lo, hi);
            for (int k = 0; k < 500; k++) {
                double[] x = new double[t];
                for (int i = 0; i < t; i++) {
                    x[i] = lo[i] + (hi[i] - lo[i]) * r.nextDouble();
                }
                assertThat(new CurvePoint(0, x).lower95()).isGreaterThanOrEqualTo(least - 1e-15);
            }
            double mean = 0;
            for (double v : lo) {
                mean += v / t;
            }
            double spreadBound = mean - StudentT.quantile95(t - 1) / Math.sqrt(t)
                    * Math.sqrt(AccuracyBox.largestSpread(lo, hi) / (t - 1));
            assertThat(least).isGreaterThanOrEqualTo(spreadBound - 1e-15);
        }
    }

    /** Five equal boxes [0.985, 0.997] against a threshold of 0.9815: the corners pass, the spread bound did not. */
    @Test
    void equalBoxesPassWhereTheSpreadBoundWasOpen() {
        double[] lo = {0.985, 0.985, 0.985, 0.985, 0.985};
        double[] hi = {0.997, 0.997, 0.997, 0.997, 0.997};
        Acceptance a = new Acceptance(0.9915, 0.01, Acceptance.Rule.LOWER95);
        // the least favourable corner: four trials at the bottom, one at the top (0.98228; all at the bottom give 0.985)
        double corner = new CurvePoint(0, new double[] {0.985, 0.985, 0.985, 0.985, 0.997}).lower95();
        assertThat(corner).isCloseTo(0.98228, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(AccuracyBox.leastLower95(lo, hi)).isEqualTo(corner);
        assertThat(AccuracyBox.verdict(a, lo, hi)).isEqualTo(AccuracyBox.Verdict.PASS);
        double spreadBound = 0.985 - StudentT.quantile95(4) / Math.sqrt(5) * Math.sqrt(AccuracyBox.largestSpread(lo, hi) / 4);
        assertThat(spreadBound).isLessThan(a.threshold());
    }
}
