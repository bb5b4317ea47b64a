package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequantizerVectorTest {

    @ParameterizedTest
    @CsvSource({"0.0123,true", "0.0123,false", "1.0,false", "3.5,true", "1e-9,false", "1234567.0,false"})
    void applyAllEqualsApplyOnEveryElement(double multiplier, boolean relu) {
        Requantizer q = new Requantizer(multiplier, relu);
        SplittableRandom r = new SplittableRandom(Double.hashCode(multiplier));
        int n = 203; // whole vectors and a tail
        int[] acc = new int[5 + n];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = switch (i % 7) {
                case 0 -> Integer.MAX_VALUE - r.nextInt(3); // with the bias added these wrap, as in int arithmetic
                case 1 -> Integer.MIN_VALUE + r.nextInt(3);
                case 2 -> 0;
                default -> r.nextInt(1 << 20) - (1 << 19);
            };
        }
        for (int bias : new int[] {0, -77, 1 << 20, Integer.MAX_VALUE}) {
            byte[] got = new byte[2 + n];
            q.applyAll(acc, 5, bias, got, 2, n);
            for (int i = 0; i < n; i++) {
                assertThat(got[2 + i]).as("element %d, bias %d", i, bias).isEqualTo((byte) q.apply(acc[5 + i] + bias));
            }
        }
    }
}
