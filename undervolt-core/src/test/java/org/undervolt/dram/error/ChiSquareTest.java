package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void upperTailMatchesTabulatedQuantiles() {
        // Standard chi-square table: 95th percentiles for df 1, 7, 49 and the 99.99th for df 7.
        assertThat(ChiSquare.upperTail(3.841459, 1)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(14.06714, 7)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(66.33865, 49)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(29.87750, 7)).isCloseTo(1e-4, within(1e-8));
    }

    @Test
    void binomialPmfSumsToOneAndMatchesClosedForm() {
        double[] pmf = ChiSquare.binomialPmf(10, 0.3, 10);
        double sum = 0;
        for (double v : pmf) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(pmf[3]).isCloseTo(120 * Math.pow(0.3, 3) * Math.pow(0.7, 7), within(1e-12));
    }
}
