package org.undervolt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.undervolt.snn.DiehlCook;

/**
 * Each benchmark's setup and methods, called once on small inputs (never timed): the work the benchmarks time
 * must be the real computation, with the results it should give.
 */
class BenchmarksTest {

    @Test
    void gemmKernelsGiveBitIdenticalProductsAtEveryShape() {
        for (String shape : new String[] {"mlp-784x256-b256", "lenet-conv1-6x784x25", "lenet-conv2-16x100x150"}) {
            GemmBench g = new GemmBench();
            g.shape = shape;
            g.setup();
            float[] scalar = g.baselineScalar().clone();
            assertThat(scalar).hasSize(g.m * g.n);
            Arrays.fill(g.c, Float.NaN);
            assertThat(g.vector()).as(shape).containsExactly(scalar);
            Arrays.fill(g.c, Float.NaN);
            assertThat(g.vectorThreads()).as(shape).containsExactly(scalar);
            // one output by hand: C[1][2] = sum_p A[1][p] B[p][2], in the contract's fma order
            float s = 0f;
            for (int p = 0; p < g.k; p++) {
                s = Math.fma(g.a[g.k + p], g.b[p * g.n + 2], s);
            }
            assertThat(scalar[g.n + 2]).isEqualTo(s);
        }
    }

    @Test
    void injectionFlipsBinomiallyManyBitsAndTheCopyRestoresTheCleanImage() {
        for (String sampler : new String[] {"sequential", "blocked"}) {
            injectionFlipsBinomially(sampler);
        }
    }

    private static void injectionFlipsBinomially(String sampler) {
        InjectionBench b = new InjectionBench();
        b.bits = 1_000_000;
        b.ber = 1e-3;
        b.sampler = sampler;
        b.setup();
        long flips = b.inject();
        // Binomial(1e6, 1e-3): mean 1000, sd 31.6; 5 sd either side
        assertThat(flips).isBetween(842L, 1158L);
        assertThat(differingBits(b.trial.bytes(), b.clean.bytes())).isEqualTo(flips);
        b.baselineCopy();
        assertThat(b.trial.bytes()).isEqualTo(b.clean.bytes());
        long second = b.inject();
        assertThat(second).isBetween(842L, 1158L);
        // after the restoring copy, the image differs from the clean one by exactly the new trial's flips
        assertThat(differingBits(b.trial.bytes(), b.clean.bytes())).isEqualTo(second);
        long third = b.trialOnePass(); // restores and injects: the clean image plus exactly its flips
        assertThat(third).isBetween(842L, 1158L);
        assertThat(differingBits(b.trial.bytes(), b.clean.bytes())).isEqualTo(third);
        assertThat(b.invocation).isEqualTo(3);
    }

    private static long differingBits(byte[] x, byte[] y) {
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            n += Integer.bitCount((x[i] ^ y[i]) & 0xFF);
        }
        return n;
    }

    @Test
    void energyModelGivesTheSameEnergyOnEveryCallAndTheScanReadsTheTrace() {
        EnergyBench e = new EnergyBench();
        e.part = "DDR4-2400";
        e.commands = 20_000;
        e.setup();
        assertThat(e.trace.size()).isBetween(20_000, 20_100);
        double j41 = e.energy41();
        assertThat(j41).isPositive().isFinite();
        assertThat(e.energy41()).isEqualTo(j41);
        assertThat(e.energy51()).isPositive().isFinite();
        assertThat(e.baselineScan()).isEqualTo(e.baselineScan()).isNotZero();
    }

    @Test
    void simulatorTakesAtLeastOneBurstPerRequestAndIsReusable() {
        SimBench s = new SimBench();
        s.standard = "DDR3";
        s.requests = 20_000;
        s.setup();
        long cycles = s.simulate();
        // one DDR3 channel: every request holds the data bus for a BL8 burst, 4 clock cycles
        assertThat(cycles).isGreaterThanOrEqualTo(4L * 20_000);
        assertThat(s.simulate()).isEqualTo(cycles);
        assertThat(s.baselineDecode()).isEqualTo(s.baselineDecode());
    }

    @Test
    void int8RoundTripsWithinHalfAStepAndTheCopyIsExact() {
        Int8Bench b = new Int8Bench();
        b.setup();
        float max = 0;
        for (float w : b.weights) {
            max = Math.max(max, Math.abs(w));
        }
        float step = max / 127;
        byte[] before = b.stored.clone();
        assertThat(b.encode()).isEqualTo(before);
        float[] decoded = b.decode();
        for (int i = 0; i < Int8Bench.VALUES; i++) {
            assertThat(decoded[i]).isCloseTo(b.weights[i], within(step / 2 * 1.0001f));
        }
        assertThat(b.baselineFloatCopy()).isEqualTo(b.weights);
    }

    @Test
    void snnPresentationIsRepeatableAndTheDenseStepAddsEveryWeightRow() {
        SnnBench b = new SnnBench();
        b.neurons = 400;
        b.image = 0;
        b.setup();
        int spikes = b.presentOneImage();
        int[] counts = b.counts.clone();
        assertThat(spikes).isEqualTo(Arrays.stream(counts).sum());
        assertThat(b.presentOneImage()).isEqualTo(spikes);
        assertThat(b.counts).isEqualTo(counts);
        double[] ge = b.baselineDenseStep();
        for (int j = 0; j < b.neurons; j += 57) {
            double sum = 0;
            for (int i = 0; i < DiehlCook.INPUTS; i++) {
                sum += b.weights[i * b.neurons + j];
            }
            assertThat(ge[j]).isCloseTo(sum, within(1e-9));
        }
    }

    @Test
    void snnTrainingPresentationMatchesItsArrivalByArrivalBaselineAndRepeats() {
        SnnTrainBench b = new SnnTrainBench();
        b.neurons = 100;
        b.image = 0;
        b.setup();
        int spikes = b.trainOneImage();
        float[] w = b.weights.clone();
        double[] theta = b.theta.clone();
        int[] counts = b.counts.clone();
        assertThat(spikes).isEqualTo(Arrays.stream(counts).sum()).isPositive();
        assertThat(w).isNotEqualTo(b.initialWeights); // STDP changed the weights
        assertThat(b.baselineArrivalByArrival()).isEqualTo(spikes);
        assertThat(b.weights).containsExactly(w);
        assertThat(b.theta).containsExactly(theta);
        assertThat(b.trainOneImage()).isEqualTo(spikes);
        assertThat(b.weights).containsExactly(w);
    }

    @Test
    void convolutionLayerEqualsItsIm2colBaselineForwardAndBackward() {
        for (String layer : new String[] {"lenet-conv1", "lenet-conv2"}) {
            ConvForwardBench f = new ConvForwardBench();
            f.layer = layer;
            f.setup();
            assertThat(f.layer()).as(layer).containsExactly(f.baselineIm2col());
            ConvBackwardBench b = new ConvBackwardBench();
            b.layer = layer;
            b.setup();
            float[] dx = b.layer().clone();
            float[] ref = b.baselineIm2col();
            for (int i = 0; i < dx.length; i++) {
                // same per-element sums, but the layer's wide grid and the baseline's plain one differ in rounding order
                assertThat(dx[i]).as("%s dx[%d]", layer, i).isCloseTo(ref[i], org.assertj.core.api.Assertions.within(1e-4f));
            }
            assertThat(FlopRates.flops(new Ratios.Result("ConvBackwardBench", "layer", java.util.Map.of("layer", layer),
                    1, 0, ""))).isEqualTo(2 * ConvShapes.forwardFlops(layer));
        }
        assertThat(ConvShapes.forwardFlops("lenet-conv2")).isEqualTo(2.0 * 64 * 16 * 100 * 150);
    }
}
