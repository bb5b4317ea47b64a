package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatExactInt8GemmTest {

    private static byte[] random(SplittableRandom r, int n) {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) (r.nextInt(256) - 128);
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "3,5,7", "6,784,25", "16,100,150", "256,120,400", "64,10,784", "5,33,1024", "4,17,1025",
            "3,20,2500"})
    void equalsTheIntegerReferenceBitForBit(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 7919L + n * 31L + k);
        byte[] a = random(r, 1 + m * k);
        byte[] b = random(r, 2 + k * n);
        int[] want = new int[3 + m * n];
        int[] got = new int[3 + m * n];
        Int8Gemm.scalar(a, 1, b, 2, want, 3, m, n, k);
        FloatExactInt8Gemm.multiply(a, 1, b, 2, got, 3, m, n, k);
        assertThat(got).containsExactly(want);
    }

    @Test
    void theLargestSumsAreExactAtAndBeyondTheChunkLength() {
        // -128 * -128 = 2^14 per term: a chunk of 1024 terms reaches 2^24 exactly, the float limit of exact integers;
        // one more term (2^24 + 2^14) must come from the int32 sum of two chunks, not from a float.
        for (int k : new int[] {FloatExactInt8Gemm.EXACT_TERMS, FloatExactInt8Gemm.EXACT_TERMS + 1, 3000}) {
            byte[] a = new byte[k];
            byte[] b = new byte[k];
            Arrays.fill(a, (byte) -128);
            Arrays.fill(b, (byte) -128);
            b[k - 1] = 127; // one odd term: the sum is not a multiple of a large power of two
            int[] c = new int[1];
            FloatExactInt8Gemm.multiply(a, 0, b, 0, c, 0, 1, 1, k);
            assertThat(c[0]).isEqualTo((k - 1) * 16384 + (-128 * 127));
        }
    }
}
