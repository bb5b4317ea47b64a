package org.undervolt.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShiftedRowsGemmTest {
    private static final int L = ShiftedRowsGemm.LANES;

    /** Rows at scattered, overlapping offsets of one array, against the scalar product on the copied-out matrix. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "6,56,25", "16,9,150", "5,5,7", "3,1,3", "7,6,2", "4,4,0", "9,3,31"})
    void bitIdenticalToScalarOnTheMaterialisedRows(int m, int vectors, int k) {
        int n = vectors * L;
        SplittableRandom r = new SplittableRandom(31L * m + 7L * n + k);
        float[] big = new float[3 * n + 4 * k + 50];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) (r.nextDouble() * 2 - 1);
        }
        int[] rows = new int[k];
        float[] b = new float[k * n];
        for (int p = 0; p < k; p++) {
            rows[p] = r.nextInt(big.length - n + 1);
            System.arraycopy(big, rows[p], b, p * n, n);
        }
        float[] a = new float[2 + m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] init = new float[1 + m * n];
        for (int i = 0; i < init.length; i++) {
            init[i] = (float) r.nextDouble();
        }
        for (boolean acc : new boolean[] {false, true}) {
            float[] expected = init.clone();
            float[] actual = init.clone();
            new ScalarGemm().multiply(a, 2, b, 0, expected, 1, m, n, k, acc);
            ShiftedRowsGemm.multiply(a, 2, big, rows, actual, 1, m, n, k, acc);
            assertThat(actual).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"2,1,3", "6,10,3"})
    void refusesWidthsThatAreNotWholeVectors(int m, int n, int k) {
        if (n % L == 0) {
            return;
        }
        assertThatThrownBy(() -> ShiftedRowsGemm.multiply(new float[m * k], 0, new float[100], new int[k],
                new float[m * n], 0, m, n, k, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
