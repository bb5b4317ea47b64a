package org.undervolt.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotKernelsTest {

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,1,17", "3,5,7", "2,4,16", "5,9,33", "6,25,784", "16,150,100", "7,3,1000", "4,4,0"})
    void vectorAgreesWithScalarOverAwkwardSizes(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 1000L + n * 10L + k);
        float[] a = new float[2 + m * k];
        float[] b = new float[3 + n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (r.nextDouble() * 2 - 1);
        }
        for (boolean acc : new boolean[] {false, true}) {
            float[] cs = new float[1 + m * n];
            float[] cv = new float[1 + m * n];
            java.util.Arrays.fill(cs, 0.5f);
            java.util.Arrays.fill(cv, 0.5f);
            DotKernels.scalar(a, 2, b, 3, cs, 1, m, n, k, acc);
            DotKernels.vector(a, 2, b, 3, cv, 1, m, n, k, acc);
            assertThat(cv[0]).isEqualTo(0.5f);
            for (int i = 1; i < cs.length; i++) {
                // terms are at most 1 in magnitude: float rounding of k-term sums stays within k * 2^-22
                assertThat(cv[i]).isCloseTo(cs[i], within(1e-6f + k * 2.4e-7f));
            }
            float[] again = new float[1 + m * n];
            java.util.Arrays.fill(again, 0.5f);
            DotKernels.vector(a, 2, b, 3, again, 1, m, n, k, acc);
            assertThat(again).containsExactly(cv);
        }
    }

    /**
     * The vector kernel's rounding, spelled out: lane {@code l} sums the products with
     * {@code p mod L = l} (whole vectors only) by FMAs in order, the lanes are added in order
     * starting from 0, then the last {@code k mod L} products follow by FMAs. The tiling must not
     * change it, so the result is bit-identical to this loop at every shape.
     */
    @ParameterizedTest
    @CsvSource({"1,1,17", "2,4,16", "3,5,140", "6,25,896", "16,150,140", "5,7,33", "2,9,3"})
    void vectorFollowsTheLaneOrderReference(int m, int n, int k) {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        SplittableRandom r = new SplittableRandom(7L * m + 31L * n + k);
        float[] a = new float[m * k];
        float[] b = new float[n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, 0.25f);
        DotKernels.vector(a, 0, b, 0, c, 0, m, n, k, true);
        int kv = k - k % lanes;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float t = 0f;
                for (int l = 0; l < lanes; l++) {
                    float s = 0f;
                    for (int p = l; p < kv; p += lanes) {
                        s = Math.fma(a[i * k + p], b[j * k + p], s);
                    }
                    t += s;
                }
                for (int p = kv; p < k; p++) {
                    t = Math.fma(a[i * k + p], b[j * k + p], t);
                }
                assertThat(c[i * n + j]).as("output %d,%d", i, j).isEqualTo(0.25f + t);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"6,25,140", "16,150,140", "3,5,17", "1,2,896"})
    void rowTableVariantEqualsContiguousRows(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(3L * m + n + k);
        float[] a = new float[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] big = new float[k + 3 * n + 40];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) (r.nextDouble() * 2 - 1);
        }
        int[] rows = new int[n];
        float[] b = new float[n * k];
        for (int j = 0; j < n; j++) {
            rows[j] = r.nextInt(big.length - k + 1);
            System.arraycopy(big, rows[j], b, j * k, k);
        }
        float[] expected = new float[m * n];
        float[] actual = new float[m * n];
        java.util.Arrays.fill(expected, 0.5f);
        java.util.Arrays.fill(actual, 0.5f);
        DotKernels.vector(a, 0, b, 0, expected, 0, m, n, k, true);
        DotKernels.vectorRows(a, 0, big, rows, actual, 0, m, n, k, true);
        assertThat(actual).containsExactly(expected);
    }
}
