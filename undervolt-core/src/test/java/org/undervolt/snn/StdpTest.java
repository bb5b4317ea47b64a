package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** A hand-built spike pair on a one-neuron network, checked against the original's STDP rule. */
class StdpTest {
    private static final double DT = DiehlCook.DT;

    @Test
    void preThenPostDepressesThenPotentiatesByTheRule() {
        // Threshold theta - 72 = -66.99 mV, below rest: the neuron fires as soon as its 5 ms refractory
        // period (10 steps) ends: steps 0, 11, 22, ...; each spike raises theta by 0.05 mV, so after the 40th
        // spike (step 429) the threshold is -64.99 mV, above rest, and it stops.
        int n = 1;
        byte[] d = new byte[DiehlCook.INPUTS];
        d[3] = 4;
        // theta grows by the reference code's 0.05 mV (a one-neuron network would get 0.05 / 400)
        Simulator sim = new Simulator(new SynapticDelays(DiehlCook.INPUTS, n, DiehlCook.MAX_DELAY_STEPS, d), true, false,
                DiehlCook.TAU_THETA, DiehlCook.THETA_PLUS);
        float[] w = new float[DiehlCook.INPUTS];
        Arrays.fill(w, 0.1f);
        w[3] = 0.5f;
        double[] theta = {5.01};
        PoissonEncoder in = new PoissonEncoder();
        in.setSpikes(new int[] {50}, new int[] {3}); // input 3 spikes at step 50, arrives at step 54
        int[] counts = new int[1];

        int total = sim.present(in, w, theta, true, counts);

        assertThat(total).isEqualTo(40);
        assertThat(counts[0]).isEqualTo(40);
        // depression at the arrival (step 54), by nu_pre * post1, post1 set to 1 at step 44
        double expected = (float) (0.5 - DiehlCook.NU_PRE * Math.exp(-10 * DT / DiehlCook.TAU_POST1));
        assertThat(expected).isLessThan(0.5);
        // potentiation at each later post spike by nu_post * pre * post2before
        double post2before = Math.exp(-11 * DT / DiehlCook.TAU_POST2);
        for (int s = 55; s <= 429; s += 11) {
            expected += DiehlCook.NU_POST * Math.exp(-(s - 54) * DT / DiehlCook.TAU_PRE) * post2before;
        }
        // 36 float roundings of w: within 1e-6 (one potentiation is about 1e-3)
        assertThat((double) w[3]).isCloseTo(expected, within(1e-6));
        assertThat(w[3]).isGreaterThan(0.5f);
        // synapses without a pre-synaptic spike do not change
        assertThat(w[0]).isEqualTo(0.1f);
        assertThat(w[783]).isEqualTo(0.1f);
        // theta: +0.05 mV per spike, decay over 500 ms with tau 1e7 ms
        assertThat(theta[0]).isCloseTo(5.01 + 40 * DiehlCook.THETA_PLUS, within(1e-3));
    }

    @Test
    void postThenPreOnlyDepresses() {
        int n = 1;
        Simulator sim = new Simulator(new SynapticDelays(DiehlCook.INPUTS, n, DiehlCook.MAX_DELAY_STEPS,
                new byte[DiehlCook.INPUTS]), true, false, DiehlCook.TAU_THETA, DiehlCook.THETA_PLUS);
        float[] w = new float[DiehlCook.INPUTS];
        Arrays.fill(w, 0.2f);
        w[7] = 0.01f; // too weak to lift v from rest over the final threshold (-64.97 mV)
        double[] theta = {5.03};
        PoissonEncoder in = new PoissonEncoder();
        // the neuron fires at 0, 11, ..., 429 (40 spikes); input 7 arrives at step 660 after the last spike
        in.setSpikes(new int[] {660}, new int[] {7});
        sim.present(in, w, theta, true, new int[1]);
        double expected = (float) (0.01f - DiehlCook.NU_PRE * Math.exp(-(660 - 429) * DT / DiehlCook.TAU_POST1));
        assertThat((double) w[7]).isCloseTo(expected, within(1e-9));
        assertThat(w[7]).isLessThan(0.01f);
    }

    @Test
    void thetaGrowsByTheIncrementOfTheNetworksSizeAndDecaysWithThePublishedTimeConstant() {
        assertThat(DiehlCook.thetaIncrement(99)).isEqualTo(0.05);
        assertThat(DiehlCook.thetaIncrement(100)).isEqualTo(0.0125);
        assertThat(DiehlCook.thetaIncrement(399)).isEqualTo(0.05 * (399.0 / 400));
        assertThat(DiehlCook.thetaIncrement(400)).isEqualTo(0.05);
        assertThat(DiehlCook.thetaIncrement(1600)).isEqualTo(0.05);
        for (int n : new int[] {100, 400}) {
            Simulator sim = new Simulator(new SynapticDelays(DiehlCook.INPUTS, n, DiehlCook.MAX_DELAY_STEPS,
                    new byte[DiehlCook.INPUTS * n]));
            double[] theta = new double[n];
            Arrays.fill(theta, 30.0);
            PoissonEncoder silent = new PoissonEncoder();
            silent.setSpikes(new int[0], new int[0]);
            int total = sim.present(silent, new float[DiehlCook.INPUTS * n], theta, true, new int[n]);
            // no input, no spike: theta only decays, over 350 ms of presentation and 150 ms of rest, with 1e7 ms
            assertThat(total).isZero();
            double expected = 30.0 * Math.exp(-(DiehlCook.PRESENTATION_MS + DiehlCook.REST_MS) / 1e7);
            assertThat(theta[0]).isCloseTo(expected, within(1e-9));
            assertThat(theta[n - 1]).isCloseTo(expected, within(1e-9));

            // theta below the offset: neuron 0 fires as soon as its refractory period ends (40 spikes),
            // each spike adding the increment of the network's size
            Arrays.fill(theta, 30.0);
            theta[0] = 5.01;
            int[] counts = new int[n];
            sim.present(silent, new float[DiehlCook.INPUTS * n], theta, true, counts);
            assertThat(counts[0]).isGreaterThan(0);
            assertThat(theta[0]).isCloseTo(5.01 + counts[0] * DiehlCook.thetaIncrement(n), within(1e-3));
        }
    }

    @Test
    void withoutLearningWeightsAndThetaStayFixed() {
        Simulator sim = new Simulator(new SynapticDelays(DiehlCook.INPUTS, 1, DiehlCook.MAX_DELAY_STEPS,
                new byte[DiehlCook.INPUTS]));
        float[] w = new float[DiehlCook.INPUTS];
        Arrays.fill(w, 0.2f);
        float[] before = w.clone();
        double[] theta = {5.0};
        PoissonEncoder in = new PoissonEncoder();
        in.setSpikes(new int[] {50, 120}, new int[] {3, 3});
        int total = sim.present(in, w, theta, false, new int[1]);
        // theta fixed at 5: one spike every 11 steps (10 held at reset), steps 0 .. 693
        assertThat(total).isEqualTo(64);
        assertThat(w).containsExactly(before);
        assertThat(theta[0]).isEqualTo(5.0);
    }
}
