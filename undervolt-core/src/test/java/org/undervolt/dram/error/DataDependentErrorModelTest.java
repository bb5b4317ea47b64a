package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.random.Seeds;

/** Model 3: stored 0s and 1s flip at their own rates, and a 2x2 chi-square test sees the difference. */
class DataDependentErrorModelTest {

    /** Flips of stored 0s and of stored 1s over many trials on half-0x00, half-0xFF data. */
    private static long[] flipsByStoredValue(ErrorModel model, int trials, long[] zeroCounts, long[] oneCounts) {
        byte[] data = new byte[2000];
        long[] byValue = new long[2];
        for (int t = 0; t < trials; t++) {
            Arrays.fill(data, 0, 1000, (byte) 0);
            Arrays.fill(data, 1000, 2000, (byte) -1);
            long[] perTrial = new long[2];
            model.inject(MemoryRegion.of(data), Seeds.stream(31, t), bit -> perTrial[bit < 8000 ? 0 : 1]++);
            byValue[0] += perTrial[0];
            byValue[1] += perTrial[1];
            if (zeroCounts != null) {
                zeroCounts[t] = perTrial[0];
                oneCounts[t] = perTrial[1];
            }
        }
        return byValue;
    }

    /** Chi-square test of independence between stored value and flipping (2x2 table, 1 df). */
    private static double independencePValue(long[] flips, long bitsPerValue) {
        double total = 2.0 * bitsPerValue;
        double flipped = flips[0] + flips[1];
        double stat = 0;
        for (int v = 0; v < 2; v++) {
            double[] observed = {flips[v], bitsPerValue - flips[v]};
            double[] expected = {bitsPerValue * flipped / total, bitsPerValue * (total - flipped) / total};
            for (int k = 0; k < 2; k++) {
                stat += (observed[k] - expected[k]) * (observed[k] - expected[k]) / expected[k];
            }
        }
        return ChiSquare.upperTail(stat, 1);
    }

    @Test
    void eachStoredValueFlipsAtItsOwnRate() {
        int trials = 2000;
        long[] zeros = new long[trials];
        long[] ones = new long[trials];
        flipsByStoredValue(new DataDependentErrorModel(0.004, 0.0005), trials, zeros, ones);
        assertMean(zeros, 8000 * 0.004, 8000 * 0.004 * 0.996);
        assertMean(ones, 8000 * 0.0005, 8000 * 0.0005 * 0.9995);
    }

    private static void assertMean(long[] counts, double mean, double var) {
        double sum = Arrays.stream(counts).sum();
        assertThat(Math.abs(sum / counts.length - mean)).isLessThan(5 * Math.sqrt(var / counts.length));
    }

    @Test
    void chiSquareDetectsDataDependenceButNotInUniformErrors() {
        long bits = 2000L * 8000;
        long[] dependent = flipsByStoredValue(new DataDependentErrorModel(0.002, 0.001), 2000, null, null);
        long[] uniform = flipsByStoredValue(new UniformErrorModel(0.0015), 2000, null, null);
        assertThat(independencePValue(dependent, bits)).isLessThan(1e-12);
        assertThat(independencePValue(uniform, bits)).isGreaterThan(1e-4);
    }

    @Test
    void expectedFlipsCountsZerosAndOnes() {
        byte[] data = {0, (byte) 0xFF, 0x0F};
        DataDependentErrorModel model = new DataDependentErrorModel(0.1, 0.01);
        assertThat(model.expectedFlips(MemoryRegion.of(data))).isCloseTo(12 * 0.1 + 12 * 0.01, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void oneWayRatesOnlyEverSetOrClearBits() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        new DataDependentErrorModel(1, 0).inject(MemoryRegion.of(data), new SplittableRandom(1));
        assertThat(data).containsOnly((byte) -1);
        new DataDependentErrorModel(0, 0.3).inject(MemoryRegion.of(data), new SplittableRandom(1));
        byte[] again = data.clone();
        new DataDependentErrorModel(1, 0).inject(MemoryRegion.of(again), new SplittableRandom(2));
        assertThat(again).containsOnly((byte) -1); // only 1 -> 0 flips happened before
        assertThat(new DataDependentErrorModel(0, 0).inject(MemoryRegion.of(data), new SplittableRandom(1))).isZero();
    }
}
