package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.random.Seeds;

/**
 * Learning buffers the input of neurons that have not fired yet at emission time (their weights
 * cannot change before they fire) and delivers the rest arrival by arrival. These tests hold it to
 * the reference that delivers every arrival one by one, and check the delay-ordered weight form
 * the trainers work in.
 */
class BufferedLearningTest {

    @Test
    void bufferedLearningMatchesArrivalByArrivalLearning() {
        ImageDataset data = SyntheticDigits.make(8, 21);
        for (int n : new int[] {1, 7, 37, 100}) {
            SnnModel m = SnnModel.initial(n, 40 + n);
            float[] w = new float[784 * n];
            m.weights().readAll(w);
            float[] fast = m.delays().byDelay(w);
            float[] ref = fast.clone();
            double[] thetaFast = m.theta().clone();
            double[] thetaRef = m.theta().clone();
            Simulator buffered = new Simulator(m.delays());
            Simulator exact = new Simulator(m.delays(), true, true);
            PoissonEncoder enc = new PoissonEncoder();
            int[] cf = new int[n];
            int[] cr = new int[n];
            long totalSpikes = 0;
            for (int img = 0; img < 8; img++) {
                // intensity 6: many spikes, so many neurons fire mid-presentation and switch delivery
                enc.encode(data.pixels(), img * 784, 784, img % 2 == 0 ? 6.0 : 2.0, Seeds.stream(3, img));
                int a = buffered.train(enc, fast, thetaFast, cf);
                int b = exact.train(enc, ref, thetaRef, cr);
                assertThat(a).as("n=%d image %d", n, img).isEqualTo(b);
                assertThat(cf).containsExactly(cr);
                totalSpikes += a;
            }
            assertThat(totalSpikes).isGreaterThan(8L * 5);
            assertThat(fast).containsExactly(ref);
            assertThat(thetaFast).containsExactly(thetaRef);
            assertThat(fast).isNotEqualTo(m.delays().byDelay(w)); // learning did change the weights
        }
    }

    @Test
    void rowMajorLearningIsTheDelayOrderedLearningConverted() {
        ImageDataset data = SyntheticDigits.make(3, 4);
        int n = 11;
        SnnModel m = SnnModel.initial(n, 9);
        float[] w = new float[784 * n];
        m.weights().readAll(w);
        float[] byDelay = m.delays().byDelay(w);
        double[] t1 = m.theta().clone();
        double[] t2 = m.theta().clone();
        Simulator s1 = new Simulator(m.delays());
        Simulator s2 = new Simulator(m.delays());
        PoissonEncoder enc = new PoissonEncoder();
        for (int img = 0; img < 3; img++) {
            enc.encode(data.pixels(), img * 784, 784, 4.0, Seeds.stream(8, img));
            s1.present(enc, w, t1, true, new int[n]);
            s2.train(enc, byDelay, t2, new int[n]);
        }
        assertThat(m.delays().rowMajor(byDelay, new float[w.length])).containsExactly(w);
        assertThat(t1).containsExactly(t2);
    }

    @Test
    void delayOrderRoundTripsAndPositionsInvertTargets() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 3, 64}) {
            SynapticDelays delays = SynapticDelays.random(784, n, rng);
            float[] w = new float[784 * n];
            for (int k = 0; k < w.length; k++) {
                w[k] = k; // exact in float below 2^24
            }
            float[] byDelay = delays.byDelay(w);
            assertThat(delays.rowMajor(byDelay, new float[w.length])).containsExactly(w);
            for (int i = 0; i < 784; i++) {
                int prev = -1;
                for (int j = 0; j < n; j++) {
                    int r = i * n + delays.positions()[i * n + j];
                    assertThat(delays.targets()[r]).isEqualTo(j);
                    assertThat(byDelay[r]).isEqualTo(w[i * n + j]);
                }
                for (int r = i * n; r < i * n + n; r++) {
                    int d = delays.delay(i, delays.targets()[r]);
                    assertThat(d).isGreaterThanOrEqualTo(prev); // grouped by delay, ascending
                    prev = d;
                }
            }
        }
    }

    @Test
    void normalisingInDelayOrderIsBitIdenticalToRowMajor() {
        SnnModel m = SnnModel.initial(29, 2);
        float[] w = new float[784 * 29];
        m.weights().readAll(w);
        w[5 * 29 + 3] = 0.9f;
        Arrays.fill(w, 29 * 100, 29 * 101, 0f);
        float[] byDelay = m.delays().byDelay(w);
        new WeightNormaliser().normalise(w, 784, 29);
        new WeightNormaliser().normaliseByDelay(byDelay, m.delays());
        assertThat(m.delays().rowMajor(byDelay, new float[w.length])).containsExactly(w);
    }
}
