package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The simulator's buffered inference paths (vector kernel fused with the arrivals, scalar kernel with a
 * separate drain) against {@link ReferenceInference}, bit for bit in the membrane potentials and
 * conductances after every step and in the spike counts (arrival by arrival on row-major weights, which sums in
 * another order: the same spike counts),
 * on random small networks: random delays (0 to 20 steps, and shorter maxima), weights (zeros, negatives
 * and large values as corrupted weights have them), thresholds (low enough that a neuron's reset lies above
 * its threshold) and spike trains (from sparse to every input firing in every step).
 */
class InferenceReferenceTest {

    /** Digests of the state at the end of every step, over the raw bits of every double. */
    private static final class Digests implements Simulator.StepTrace {
        final long[] perStep = new long[DiehlCook.STEPS];

        @Override
        public void step(int step, double[] v, double[] ge, double[] gi) {
            long h = 17;
            for (double[] a : new double[][] {v, ge, gi}) {
                for (double x : a) {
                    h = h * 1_000_003 + Double.doubleToRawLongBits(x);
                }
            }
            perStep[step] = h;
        }
    }

    @Test
    void everyInferencePathGivesTheReferenceSpikesBitForBit() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        int presentations = 0;
        long spikes = 0;
        for (int net = 0; net < 24; net++) {
            int inputs = 1 + rng.nextInt(60);
            int n = 1 + rng.nextInt(40);
            int maxDelay = new int[] {0, 1, 3, 20, 20, 20}[rng.nextInt(6)];
            byte[] d = new byte[inputs * n];
            for (int k = 0; k < d.length; k++) {
                d[k] = (byte) rng.nextInt(maxDelay + 1);
            }
            SynapticDelays delays = new SynapticDelays(inputs, n, maxDelay, d);
            float[] w = new float[inputs * n];
            for (int k = 0; k < w.length; k++) {
                double u = rng.nextDouble();
                w[k] = u < 0.05 ? 0f : u < 0.08 ? -(float) rng.nextDouble() : u < 0.1 ? (float) (5 * rng.nextDouble())
                        : (float) (0.6 * rng.nextDouble());
            }
            float[] byDelay = delays.byDelay(w);
            double[] theta = new double[n];
            for (int j = 0; j < n; j++) {
                theta[j] = rng.nextDouble() * 30;
            }
            Simulator fused = new Simulator(delays, true);
            Simulator scalar = new Simulator(delays, false);
            PoissonEncoder enc = new PoissonEncoder();
            byte[] pixels = new byte[inputs];
            int[] want = new int[n];
            int[] got = new int[n];
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < inputs; i++) {
                    pixels[i] = (byte) (rng.nextDouble() < 0.3 ? 0 : rng.nextInt(256));
                }
                double intensity = new double[] {2, 5, 40, 400}[p];
                enc.encode(pixels, 0, inputs, intensity, new SplittableRandom(rng.nextLong()));
                Digests ref = new Digests();
                int total = ReferenceInference.present(delays, enc, w, theta, want, ref).total();
                for (Simulator sim : new Simulator[] {scalar, fused}) {
                    Digests seen = new Digests();
                    sim.trace(seen);
                    assertThat(sim.present(enc, w, byDelay, theta, false, got)).isEqualTo(total);
                    sim.trace(null);
                    assertThat(got).containsExactly(want);
                    assertThat(seen.perStep).containsExactly(ref.perStep);
                }
                // row-major weights: each arrival added to ge on its own (another order of summation), same spikes
                assertThat(fused.present(enc, w, null, theta, false, got)).isEqualTo(total);
                assertThat(got).containsExactly(want);
                presentations++;
                spikes += total;
            }
        }
        assertThat(presentations).isEqualTo(96);
        assertThat(spikes).isGreaterThan(1000); // the networks do fire: the comparison is not of empty counts
    }
}
