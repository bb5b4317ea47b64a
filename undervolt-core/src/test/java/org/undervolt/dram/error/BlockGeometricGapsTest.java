package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undervolt.random.Seeds;

/**
 * The blocked sampler: vector kernel equal to the scalar twin bit for bit, its logarithm within 4
 * ulp of {@code Math.log}, gaps with the geometric law (chi-square p-value above 1e-4, fixed seeds),
 * and draws that depend only on their index.
 */
class BlockGeometricGapsTest {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    @ParameterizedTest(name = "{0} gaps")
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 17, 63, 64, 65, 511, 1000})
    void vectorKernelEqualsScalarTwinOverAwkwardSizes(int n) {
        BlockGeometricGaps g = new BlockGeometricGaps(3e-4);
        double[] fast = new double[n + 3];
        double[] slow = new double[n + 3];
        int whole = g.fillVector(42, GAMMA, 5, fast, n);
        assertThat(whole).isEqualTo(n - n % BlockGeometricGaps.lanes());
        g.fillScalar(42, GAMMA, 5 + whole, fast, whole, n - whole);
        g.fillScalar(42, GAMMA, 5, slow, 0, n);
        for (int k = 0; k < n; k++) {
            assertThat(Double.doubleToRawLongBits(fast[k])).as("gap %d", k).isEqualTo(Double.doubleToRawLongBits(slow[k]));
        }
        assertThat(fast[n]).isZero(); // nothing written past n
    }

    @Test
    void drawsDependOnlyOnTheirIndex() {
        BlockGeometricGaps g = new BlockGeometricGaps(0.01);
        double[] whole = new double[100];
        g.fill(7, GAMMA, 0, whole, 100);
        double[] part = new double[50];
        g.fill(7, GAMMA, 37, part, 50);
        for (int k = 0; k < 50; k++) {
            assertThat(part[k]).isEqualTo(whole[37 + k]);
        }
    }

    @Test
    void logarithmIsWithinFourUlpOfMathLog() {
        // With p = 1 - 1/e, lambda = 1: the gap value is -ln(u) itself.
        BlockGeometricGaps g = new BlockGeometricGaps(-Math.expm1(-1));
        double lambda = -Math.log1p(-g.p());
        SplittableRandom rng = new SplittableRandom(17);
        double worst = 0;
        for (int i = 0; i < 400_000; i++) {
            long r = switch (i) {
                case 0 -> 0L;                       // u = 2^-53, the smallest
                case 1 -> -1L;                      // u = 1 - 2^-53, the largest
                case 2 -> Double.doubleToRawLongBits(Math.sqrt(2)) << 11; // m at the centring edge
                default -> i < 80 ? (1L << (i - 16)) << 11 : rng.nextLong(); // powers of two, then random
            };
            double u = ((r >>> 11) | 1) * 0x1p-53;
            double exact = -Math.log(u);
            double got = g.gap(r) * lambda;
            worst = Math.max(worst, Math.abs(got - exact) / Math.ulp(exact));
        }
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0.2, 1e-3})
    void gapsFollowTheGeometricLaw(double p) {
        BlockGeometricGaps g = new BlockGeometricGaps(p);
        int draws = 200_000;
        double[] gaps = new double[draws];
        long[] stream = BlockGeometricGaps.open(Seeds.stream(3, 1));
        g.fill(stream[0], stream[1], 0, gaps, draws);
        // Bins of equal probability under the law: k in [b_i, b_{i+1}) with P(G >= b_i) = (1-p)^b_i.
        int bins = 40;
        long[] observed = new long[bins];
        double[] expected = new double[bins];
        long[] edges = new long[bins + 1];
        for (int i = 1; i < bins; i++) {
            edges[i] = (long) Math.ceil(Math.log((double) (bins - i) / bins) / Math.log1p(-p));
        }
        edges[bins] = Long.MAX_VALUE;
        for (int i = 0; i < bins; i++) {
            expected[i] = draws * (Math.pow(1 - p, edges[i]) - (i + 1 < bins ? Math.pow(1 - p, edges[i + 1]) : 0));
        }
        for (double v : gaps) {
            long k = (long) v;
            int i = 0;
            while (k >= edges[i + 1]) {
                i++;
            }
            observed[i]++;
        }
        assertThat(ChiSquare.pValue(observed, expected, 0)).isGreaterThan(1e-4);
    }

    @Test
    void tinyProbabilityKeepsItsMean() {
        double p = 1e-9;
        BlockGeometricGaps g = new BlockGeometricGaps(p);
        int draws = 100_000;
        double[] gaps = new double[draws];
        g.fill(11, GAMMA, 0, gaps, draws);
        double sum = 0;
        for (double v : gaps) {
            assertThat(v).isGreaterThanOrEqualTo(0);
            sum += (long) v;
        }
        double mean = (1 - p) / p;
        double sd = Math.sqrt(1 - p) / p / Math.sqrt(draws);
        assertThat(Math.abs(sum / draws - mean)).isLessThan(5 * sd);
    }

    @Test
    void openTakesTwoValuesAndAnOddGamma() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        long[] stream = BlockGeometricGaps.open(a);
        b.nextLong();
        b.nextLong();
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
        assertThat(stream[1] & 1).isEqualTo(1);
        assertThatThrownBy(() -> new BlockGeometricGaps(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockGeometricGaps(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
