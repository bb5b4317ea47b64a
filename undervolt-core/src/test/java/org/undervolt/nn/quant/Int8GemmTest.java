package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Int8GemmTest {

    @ParameterizedTest
    @CsvSource({"1,1,1", "3,5,7", "4,16,9", "2,17,3", "5,33,25", "6,784,25", "16,100,150", "10,120,400", "1,47,1000", "8,70,5", "7,64,3", "4,48,2"})
    void vectorEqualsScalarExactly(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 7919L + n * 31L + k);
        byte[] a = new byte[1 + m * k];
        byte[] b = new byte[2 + k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (r.nextInt(256) - 128);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (r.nextInt(256) - 128);
        }
        a[1] = 0;
        int[] cs = new int[3 + m * n];
        int[] cv = new int[3 + m * n];
        Int8Gemm.scalar(a, 1, b, 2, cs, 3, m, n, k);
        Int8Gemm.vector(a, 1, b, 2, cv, 3, m, n, k);
        assertThat(cv).containsExactly(cs);
        if (m == 1 && n == 1 && k == 1) {
            assertThat(cs[3]).isEqualTo(a[1] * b[2]);
        }
    }
}
