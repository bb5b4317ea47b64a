package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExponentialZigguratTest {

    @Test
    void baseEdgeMatchesMarsagliaAndTsang() {
        // r for the 256-layer exponential ziggurat, Marsaglia & Tsang (2000): 7.69711747013104972.
        assertThat(ExponentialZiggurat.baseEdge()).isCloseTo(7.69711747013104972, within(1e-12));
    }

    @Test
    void samplesFollowTheExponentialLawAcrossTheBodyAndTail() {
        SplittableRandom rng = new SplittableRandom(2024);
        int n = 4_000_000;
        // 200 equiprobable bins: edges -ln(1 - k/200); the last bin is the tail beyond -ln(1/200) = 5.3.
        int bins = 200;
        long[] observed = new long[bins];
        long beyondR = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = ExponentialZiggurat.next(rng);
            assertThat(x >= 0).isTrue();
            sum += x;
            double cdf = -Math.expm1(-x);
            observed[Math.min(bins - 1, (int) (cdf * bins))]++;
            if (x > ExponentialZiggurat.baseEdge()) {
                beyondR++;
            }
        }
        assertThat(ChiSquare.uniformPValue(observed)).isGreaterThan(1e-4);
        assertThat(Math.abs(sum / n - 1)).isLessThan(5 / Math.sqrt(n));
        // The tail beyond r has probability e^-r = 4.54e-4: 1816 expected, sd 42.6.
        double tail = n * Math.exp(-ExponentialZiggurat.baseEdge());
        assertThat(Math.abs(beyondR - tail)).isLessThan(5 * Math.sqrt(tail));
    }

    @Test
    void deepTailKeepsTheMemorylessLaw() {
        SplittableRandom rng = new SplittableRandom(7);
        long beyond10 = 0;
        int n = 20_000_000;
        for (int i = 0; i < n; i++) {
            if (ExponentialZiggurat.next(rng) > 10) {
                beyond10++;
            }
        }
        double expected = n * Math.exp(-10); // 908
        assertThat(Math.abs(beyond10 - expected)).isLessThan(5 * Math.sqrt(expected));
    }
}
