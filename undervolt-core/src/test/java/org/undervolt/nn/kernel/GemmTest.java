package org.undervolt.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void scalarMatchesHandComputedProduct() {
        float[] a = {1, 2, 3, 4, 5, 6};          // 2x3
        float[] b = {7, 8, 9, 10, 11, 12};       // 3x2
        float[] c = new float[4];
        new ScalarGemm().multiply(a, 0, b, 0, c, 0, 2, 2, 3, false);
        assertThat(c).containsExactly(58, 64, 139, 154);
        new ScalarGemm().multiply(a, 0, b, 0, c, 0, 2, 2, 3, true);
        assertThat(c).containsExactly(116, 128, 278, 308);
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,17,3", "3,5,7", "4,32,1", "5,33,9", "7,47,13", "13,100,31", "64,256,784",
            "9,15,2", "31,63,0", "2,16,5", "6,10,256", "17,49,64", "6,200,25", "7,129,3", "3,70,5", "16,800,150",
            "150,140,16", "2,65,9", "5,47,1"})
    void vectorIsBitIdenticalToScalarOverAwkwardSizes(int m, int n, int k) {
        int aOff = 3;
        int bOff = 5;
        int cOff = 7;
        float[] a = random(aOff + m * k, 1);
        float[] b = random(bOff + n * k, 2);
        float[] init = random(cOff + m * n + 4, 3);
        for (boolean acc : new boolean[] {false, true}) {
            float[] cs = init.clone();
            float[] cv = init.clone();
            new ScalarGemm().multiply(a, aOff, b, bOff, cs, cOff, m, n, k, acc);
            new VectorGemm().multiply(a, aOff, b, bOff, cv, cOff, m, n, k, acc);
            assertThat(cv).containsExactly(cs);
        }
    }

    @Test
    void blockTouchesOnlyItsRectangle() {
        int m = 9;
        int n = 40;
        int k = 6;
        float[] a = random(m * k, 4);
        float[] b = random(k * n, 5);
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, -99f);
        new VectorGemm().block(a, 0, b, 0, c, 0, m, n, k, false, 2, 7, 3, 37);
        float[] ref = new float[m * n];
        new ScalarGemm().multiply(a, 0, b, 0, ref, 0, m, n, k, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = i >= 2 && i < 7 && j >= 3 && j < 37;
                assertThat(c[i * n + j]).isEqualTo(inside ? ref[i * n + j] : -99f);
            }
        }
    }

    @Test
    void parallelProductIsIdenticalForAnyThreadCount() {
        for (int[] s : new int[][] {{200, 70, 90}, {30, 300, 50}, {64, 256, 784}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = random(m * k, 6);
            float[] b = random(k * n, 7);
            float[] ref = new float[m * n];
            new ScalarGemm().multiply(a, 0, b, 0, ref, 0, m, n, k, false);
            for (int t : new int[] {1, 2, 3, 5}) {
                Parallel.setThreads(t);
                float[] c = new float[m * n];
                Matmul.multiply(a, 0, b, 0, c, 0, m, n, k, false);
                assertThat(c).as("threads=%d", t).containsExactly(ref);
            }
        }
    }

    @Test
    void transposedVariantsAgreeWithExplicitTransposes() {
        int m = 11;
        int n = 19;
        int k = 23;
        float[] a = random(m * k, 8);
        float[] bt = random(n * k, 9); // B stored as n x k
        float[] b = new float[k * n];
        Matmul.transpose(bt, 0, n, k, b, 0);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                assertThat(b[p * n + j]).isEqualTo(bt[j * k + p]);
            }
        }
        float[] ref = new float[m * n];
        new ScalarGemm().multiply(a, 0, b, 0, ref, 0, m, n, k, false);
        float[] c = new float[m * n];
        Matmul.multiplyBt(a, 0, bt, 0, c, 0, m, n, k, false);
        assertThat(c).containsExactly(ref);

        float[] at = new float[k * m];
        Matmul.transpose(a, 0, m, k, at, 0);
        float[] c2 = new float[m * n];
        Matmul.multiplyAt(at, 0, b, 0, c2, 0, m, n, k, false);
        assertThat(c2).containsExactly(ref);
    }
}
