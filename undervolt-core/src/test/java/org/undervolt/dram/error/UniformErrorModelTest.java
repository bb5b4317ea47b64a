package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.undervolt.dram.error.UniformErrorModel.Sampler;
import org.undervolt.random.Seeds;

/**
 * Model 0 must flip each bit independently with probability p. Bounds are 5 sigma for z-tests and
 * p-value 1e-4 for chi-square tests; seeds are fixed, so the outcome is deterministic, and a
 * correct sampler fails a 5-sigma bound with probability under 1e-6.
 */
class UniformErrorModelTest {
    private static final double Z = 5;
    private static final double P_MIN = 1e-4;
    private static final Long[] SEQUENTIAL_GOLDEN = {1503L, 2384L, 2579L, 2748L, 2751L, 3056L, 3606L, 4350L, 5413L, 5539L, 7817L, 7841L};

    @ParameterizedTest(name = "{0} bytes at p = {1}, {3}")
    @CsvSource({"1000, 0.005, 4000, SEQUENTIAL", "1000000, 1e-6, 2000, SEQUENTIAL", "100, 0.5, 4000, SEQUENTIAL",
            "4000, 0.03, 1000, SEQUENTIAL",
            "1000, 0.005, 4000, BLOCKED", "1000000, 1e-6, 2000, BLOCKED", "100, 0.5, 4000, BLOCKED",
            "4000, 0.03, 1000, BLOCKED", "3000, 0.001, 4000, BLOCKED"})
    void flipCountsFollowTheBinomialLaw(int bytes, double p, int trials, Sampler sampler) {
        byte[] data = new byte[bytes];
        MemoryRegion region = MemoryRegion.of(data);
        UniformErrorModel model = new UniformErrorModel(p, sampler);
        long n = 8L * bytes;
        double mean = n * p;
        double var = n * p * (1 - p);
        int kMax = (int) Math.ceil(mean + 10 * Math.sqrt(var) + 10);
        long[] histogram = new long[kMax + 1];
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            long k = model.inject(region, Seeds.stream(7, bytes, t));
            histogram[(int) Math.min(k, kMax)]++;
            sum += k;
            sumSq += (double) k * k;
        }
        double sampleMean = sum / trials;
        double sampleVar = (sumSq - sum * sum / trials) / (trials - 1);
        assertThat(Math.abs(sampleMean - mean)).isLessThan(Z * Math.sqrt(var / trials));
        // Var of the sample variance: sigma^4 (2/(T-1) + excess kurtosis / T); binomial excess
        // kurtosis is (1 - 6p(1-p)) / (np(1-p)).
        double kurtosis = (1 - 6 * p * (1 - p)) / var;
        double sdVar = var * Math.sqrt(2.0 / (trials - 1) + kurtosis / trials);
        assertThat(Math.abs(sampleVar - var)).isLessThan(Z * sdVar);
        double[] expected = ChiSquare.binomialPmf(n, p, kMax);
        for (int k = 0; k <= kMax; k++) {
            expected[k] *= trials;
        }
        assertThat(ChiSquare.pValue(histogram, expected, 0)).isGreaterThan(P_MIN);
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void flipPositionsAreUniformOverBitsAndBytes(Sampler sampler) {
        byte[] data = new byte[2000];
        // A region that does not start at 0, to check offsets, inside a larger array.
        MemoryRegion region = new MemoryRegion(data, 37, 1837, null);
        UniformErrorModel model = new UniformErrorModel(0.002, sampler);
        long[] bitHistogram = new long[8];
        long[] byteHistogram = new long[60]; // 1800 bytes in 60 bins of 30
        long[] outside = new long[1];
        for (int t = 0; t < 2000; t++) {
            model.inject(region, Seeds.stream(11, t), bit -> {
                int b = (int) (bit >>> 3);
                if (b < 37 || b >= 1837) {
                    outside[0]++;
                    return;
                }
                bitHistogram[(int) (bit & 7)]++;
                byteHistogram[(b - 37) / 30]++;
            });
        }
        assertThat(outside[0]).isZero();
        assertThat(java.util.Arrays.stream(bitHistogram).sum()).isGreaterThan(50_000);
        assertThat(ChiSquare.uniformPValue(bitHistogram)).isGreaterThan(P_MIN);
        assertThat(ChiSquare.uniformPValue(byteHistogram)).isGreaterThan(P_MIN);
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void reportedFlipsAreExactlyTheChangedBits(Sampler sampler) {
        byte[] data = new byte[5000];
        new SplittableRandom(3).nextBytes(data);
        byte[] before = data.clone();
        List<Long> flipped = new ArrayList<>();
        long n = new UniformErrorModel(0.01, sampler).inject(MemoryRegion.of(data), Seeds.stream(5), flipped::add);
        long changed = 0;
        for (int i = 0; i < data.length; i++) {
            changed += Integer.bitCount((data[i] ^ before[i]) & 0xFF);
        }
        assertThat(n).isEqualTo(flipped.size()).isEqualTo(changed);
        for (long bit : flipped) {
            int i = (int) (bit >>> 3);
            assertThat(((data[i] ^ before[i]) >>> (bit & 7)) & 1).isEqualTo(1);
        }
        assertThat(flipped).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void zeroRateFlipsNothingAndRateOneFlipsEveryBit(Sampler sampler) {
        byte[] data = new byte[777];
        new SplittableRandom(9).nextBytes(data);
        byte[] before = data.clone();
        assertThat(new UniformErrorModel(0, sampler).inject(MemoryRegion.of(data), new SplittableRandom(1))).isZero();
        assertThat(data).isEqualTo(before);
        assertThat(new UniformErrorModel(1, sampler).inject(MemoryRegion.of(data), new SplittableRandom(1)))
                .isEqualTo(8L * 777);
        for (int i = 0; i < data.length; i++) {
            assertThat(data[i]).isEqualTo((byte) ~before[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void sameStreamSameFlipsOtherTrialOtherFlips(Sampler sampler) {
        byte[] a = new byte[10_000];
        byte[] b = new byte[10_000];
        byte[] c = new byte[10_000];
        UniformErrorModel model = new UniformErrorModel(1e-3, sampler);
        model.inject(MemoryRegion.of(a), Seeds.stream(1, 2, 3));
        model.inject(MemoryRegion.of(b), Seeds.stream(1, 2, 3));
        model.inject(MemoryRegion.of(c), Seeds.stream(1, 2, 4));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void sequentialStreamIsUnchanged() {
        // Golden: the flips every result before the blocked default was produced with (GeometricSkip over the generator).
        List<Long> flipped = new ArrayList<>();
        new UniformErrorModel(1e-3, UniformErrorModel.Sampler.SEQUENTIAL).inject(MemoryRegion.of(new byte[1000]), Seeds.stream(1, 2), flipped::add);
        assertThat(flipped).containsExactly(SEQUENTIAL_GOLDEN);
    }

    @Test
    void theDefaultSamplerIsTheBlockedOne() {
        List<Long> byDefault = new ArrayList<>();
        List<Long> blocked = new ArrayList<>();
        new UniformErrorModel(1e-3).inject(MemoryRegion.of(new byte[1000]), Seeds.stream(1, 2), byDefault::add);
        new UniformErrorModel(1e-3, UniformErrorModel.Sampler.BLOCKED).inject(MemoryRegion.of(new byte[1000]), Seeds.stream(1, 2),
                blocked::add);
        assertThat(byDefault).isNotEmpty().isEqualTo(blocked);
    }

    @Test
    void blockedFlipsDoNotDependOnTheVectorKernelAndTakeTwoValuesOfTheGenerator() {
        // The flips of a region, recomputed from the scalar twin's gaps.
        double p = 2e-3;
        byte[] data = new byte[20_000];
        List<Long> flipped = new ArrayList<>();
        SplittableRandom rng = Seeds.stream(9, 9);
        new UniformErrorModel(p, Sampler.BLOCKED).inject(MemoryRegion.of(data), rng, flipped::add);
        SplittableRandom again = Seeds.stream(9, 9);
        long[] stream = BlockGeometricGaps.open(again);
        assertThat(rng.nextLong()).isEqualTo(again.nextLong());
        BlockGeometricGaps gaps = new BlockGeometricGaps(p);
        double[] one = new double[1];
        List<Long> expected = new ArrayList<>();
        long bit = -1;
        for (long j = 0; ; j++) {
            gaps.fillScalar(stream[0], stream[1], j, one, 0, 1);
            long gap = (long) one[0];
            if (gap >= 8L * data.length - bit - 1) {
                break;
            }
            bit += gap + 1;
            expected.add(bit);
        }
        assertThat(expected).hasSizeGreaterThan(250);
        assertThat(flipped).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, {1} bytes from {2}")
    @CsvSource({"SEQUENTIAL, 5000, 0", "BLOCKED, 5000, 0", "BLOCKED, 3000000, 0", "BLOCKED, 3000000, 12345"})
    void copyAndInjectFlipsWhatCopyThenInjectFlips(Sampler sampler, int bytes, int from) {
        byte[] clean = new byte[bytes];
        new SplittableRandom(4).nextBytes(clean);
        UniformErrorModel model = new UniformErrorModel(2e-4, sampler);
        byte[] a = new byte[bytes];
        byte[] b = new byte[bytes];
        java.util.Arrays.fill(a, (byte) 0x5A); // stale trial contents, outside the region they stay
        java.util.Arrays.fill(b, (byte) 0x5A);
        System.arraycopy(clean, from, a, from, bytes - from);
        long separate = model.inject(new MemoryRegion(a, from, bytes, null), Seeds.stream(8, 1));
        long fused = model.copyAndInject(clean, new MemoryRegion(b, from, bytes, null), Seeds.stream(8, 1),
                FlipListener.NONE);
        assertThat(fused).isEqualTo(separate).isGreaterThan(0);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void rejectsRatesOutsideZeroOne() {
        assertThatThrownBy(() -> new UniformErrorModel(-1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UniformErrorModel(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UniformErrorModel(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
