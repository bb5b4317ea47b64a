package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void theSignTestTailIsTheExactBinomialTail() {
        assertThat(PairedComparison.signTestUpper(8, 10)).isCloseTo(56.0 / 1024, within(1e-15));
        assertThat(PairedComparison.signTestUpper(1, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(PairedComparison.signTestUpper(0, 0)).isEqualTo(1.0);
        assertThat(PairedComparison.signTestUpper(11, 10)).isZero();
        assertThat(PairedComparison.signTestUpper(10, 10)).isCloseTo(1.0 / 1024, within(1e-15));
        // m = 10,000, k = m/2: 1/2 + P(X = 5000)/2, P(X = 5000) = 0.0079783 (normal approximation 1/sqrt(pi m / 2))
        assertThat(PairedComparison.signTestUpper(5000, 10000)).isCloseTo(0.5 + 0.0079783 / 2, within(1e-6));
    }

    @Test
    void perImageDifferencesGiveTheMeanIntervalAndSignCounts() {
        PairedComparison p = PairedComparison.of(1e-3, 2, new int[] {1, -1, 2, 0}, 0.75, 0.5);
        assertThat(p.difference()).isCloseTo(0.25, within(1e-15)); // (1 - 1 + 2 + 0) / (2 * 4)
        assertThat(p.imagesABetter()).isEqualTo(2);
        assertThat(p.imagesBBetter()).isEqualTo(1);
        assertThat(p.pValue()).isCloseTo(0.5, within(1e-15)); // P(Bin(3, 1/2) >= 2)
        // sd of {1, -1, 2, 0} = sqrt(5/3); half width 1.96 * sd / sqrt(4) / 2 trials
        double half = 1.959963984540054 * Math.sqrt(5.0 / 3) / 2 / 2;
        assertThat(p.low95()).isCloseTo(0.25 - half, within(1e-12));
        assertThat(p.high95()).isCloseTo(0.25 + half, within(1e-12));
    }

    /** Two copies of one network on the same draws: every image agrees, whatever the draws do. */
    @Test
    void theSameNetworkOnTheSameDrawsDiffersNowhere() {
        PairedComparison p = PairedComparison.of(new Coin(0.7, 5000), new Coin(0.7, 5000), 1e-2, 3, 11);
        assertThat(p.difference()).isZero();
        assertThat(p.imagesABetter() + p.imagesBBetter()).isZero();
        assertThat(p.pValue()).isEqualTo(1.0);
        assertThat(p.accuracyA()).isCloseTo(0.7, within(0.02));
    }

    /** A better by 2 points on 20,000 images: found at 95 %, the interval holds the true difference. */
    @Test
    void aTwoPointAdvantageIsFoundAndItsIntervalHoldsIt() {
        PairedComparison p = PairedComparison.of(new Coin(0.90, 20000), new Coin(0.88, 20000), 1e-2, 2, 5);
        assertThat(p.aBetter(0.05)).isTrue();
        assertThat(p.low95()).isLessThan(0.02);
        assertThat(p.high95()).isGreaterThan(0.02);
        PairedComparison reverse = PairedComparison.of(new Coin(0.88, 20000), new Coin(0.90, 20000), 1e-2, 2, 5);
        assertThat(reverse.aBetter(0.05)).isFalse();
        assertThat(reverse.difference()).isCloseTo(-p.difference(), within(1e-15));
    }

    @Test
    void networksWithDifferentTestSetsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PairedComparison.of(new Coin(0.9, 10), new Coin(0.9, 11),
                1e-3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A stand-in network: under a draw, image j is right when the draw's j-th uniform is below its accuracy, so two
     * networks on the same draw are coupled image by image (as the same flipped bits couple two real networks).
     */
    private record Coin(double accuracy, int images) implements PairedTrials {
        @Override
        public boolean cleanCorrect(int i) {
            return true;
        }

        @Override
        public Trial open(double ber, SplittableRandom rng) {
            double[] u = new double[images];
            for (int j = 0; j < images; j++) {
                u[j] = rng.nextDouble();
            }
            return (order, from, to) -> {
                boolean[] c = new boolean[to - from];
                for (int k = from; k < to; k++) {
                    c[k - from] = u[order[k]] < accuracy;
                }
                return new Chunk(c, 0);
            };
        }
    }
}
