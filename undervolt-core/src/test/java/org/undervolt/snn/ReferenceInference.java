package org.undervolt.snn;

import static org.undervolt.snn.DiehlCook.*;

/**
 * A straightforward, clock-driven inference presentation of the Diehl and Cook network, the reference the
 * event-driven {@link Simulator} is tested against bit for bit: every neuron (excitatory and inhibitory) is
 * updated at every step, every input spike's arrivals are laid out in full per-step tables up front, and
 * nothing is skipped, buffered or vectorised.
 *
 * <p>The arithmetic is the simulator's, operation for operation (the same values only come out of the same
 * operations in the same order): the membrane step of {@link Simulator#membrane} with the exponential of
 * {@link ExcitatoryKernel#expNeg}, and the conductance of the input spikes arriving at step {@code t} summed
 * in emission order (step, then input) into two partial sums, the arrivals emitted in the same 32-step block
 * as {@code t} and those emitted in the block before, added to the decayed conductance in that order.
 */
final class ReferenceInference {
    private static final int BLOCK = 32;

    private ReferenceInference() {
    }

    /** The excitatory state at the end of a presentation: membrane potentials and conductances. */
    record State(int total, double[] v, double[] ge, double[] gi) {
    }

    /**
     * One presentation without learning of the spike trains in {@code input} to input weights {@code w}
     * (row-major inputs × N); writes the excitatory spike counts, returns their total and the final state.
     */
    static State present(SynapticDelays delays, PoissonEncoder input, float[] w, double[] theta, int[] counts) {
        return present(delays, input, w, theta, counts, null);
    }

    /** As above, showing {@code trace} the excitatory state at the end of every step. */
    static State present(SynapticDelays delays, PoissonEncoder input, float[] w, double[] theta, int[] counts,
            Simulator.StepTrace trace) {
        final int n = delays.neurons();
        final int inputs = delays.inputs();
        final int steps = STEPS;
        // arrivals[t][j]: emitted in t's block; earlier[t][j]: emitted in the block before
        double[][] same = new double[steps][n];
        double[][] earlier = new double[steps][n];
        int[] stepStart = input.stepStart();
        int[] spikes = input.inputs();
        for (int e = 0; e < steps; e++) {
            for (int q = stepStart[e]; q < stepStart[e + 1]; q++) {
                int i = spikes[q];
                if (i >= inputs) {
                    throw new IllegalArgumentException("input " + i);
                }
                for (int j = 0; j < n; j++) {
                    int t = e + delays.delay(i, j);
                    if (t < steps) {
                        (t / BLOCK == e / BLOCK ? same : earlier)[t][j] += w[i * n + j];
                    }
                }
            }
        }
        final double decGe = Math.exp(-DT / TAU_GE);
        final double decGi = Math.exp(-DT / TAU_GI);
        final double meanGe = Simulator.stepMean(TAU_GE);
        final double meanGi = Simulator.stepMean(TAU_GI);
        final double aE = DT / E_TAU;
        final double aI = DT / I_TAU;
        final int refracE = (int) Math.round(E_REFRACTORY / DT);
        final int refracI = (int) Math.round(I_REFRACTORY / DT);
        final int lockout = (int) Math.round(E_LOCKOUT / DT);
        final double thresh = E_THRESH - THETA_OFFSET;
        final int never = -1_000_000;

        double[] vE = new double[n];
        double[] geE = new double[n];
        double[] giE = new double[n];
        int[] lastE = new int[n];
        double[] vI = new double[n];
        double[] geI = new double[n];
        int[] lastI = new int[n];
        boolean[] spikeE = new boolean[n];
        boolean[] spikeI = new boolean[n];
        java.util.Arrays.fill(vE, E_REST);
        java.util.Arrays.fill(vI, I_REST);
        java.util.Arrays.fill(lastE, never);
        java.util.Arrays.fill(lastI, never);
        java.util.Arrays.fill(counts, 0);
        int total = 0;
        for (int t = 0; t < steps; t++) {
            // 1. excitatory: integrate, decay, threshold (refractory neurons held at reset after integrating)
            for (int j = 0; j < n; j++) {
                double gem = geE[j] * meanGe;
                double gim = giE[j] * meanGi;
                double b = 1.0 + gem + gim;
                double vinf = (E_REST + gim * E_INH_REVERSAL) / b;
                double v = vinf + (vE[j] - vinf) * ExcitatoryKernel.expNeg(aE * b);
                boolean above = v > theta[j] + thresh;
                geE[j] *= decGe;
                giE[j] *= decGi;
                if (t - lastE[j] <= refracE) {
                    v = E_RESET;
                }
                vE[j] = v;
                spikeE[j] = above && v > theta[j] + thresh && t - lastE[j] > lockout;
            }
            // 1'. inhibitory
            int nI = 0;
            for (int j = 0; j < n; j++) {
                boolean free = t - lastI[j] > refracI;
                double v = vI[j];
                if (free) {
                    v = Simulator.membrane(v, geI[j] * meanGe, 0, I_REST, I_INH_REVERSAL, aI);
                    if (Math.abs(v - I_REST) < 1e-9) {
                        v = I_REST;
                    }
                    vI[j] = v;
                }
                double g = geI[j] * decGe;
                geI[j] = g < 1e-30 ? 0 : g;
                spikeI[j] = free && v > I_THRESH;
                if (spikeI[j]) {
                    nI++;
                }
            }
            // 2. input arrivals
            for (int j = 0; j < n; j++) {
                geE[j] += same[t][j];
                geE[j] += earlier[t][j];
            }
            // 3. excitatory spikes drive their inhibitory partner
            for (int j = 0; j < n; j++) {
                if (spikeE[j]) {
                    geI[j] += W_EI;
                }
            }
            // 4. inhibitory spikes reach every other excitatory neuron
            if (nI > 0) {
                double add = W_IE * nI;
                for (int j = 0; j < n; j++) {
                    giE[j] += add;
                }
                for (int j = 0; j < n; j++) {
                    if (spikeI[j]) {
                        giE[j] -= W_IE;
                    }
                }
            }
            // 5. resets
            for (int j = 0; j < n; j++) {
                if (spikeE[j]) {
                    vE[j] = E_RESET;
                    lastE[j] = t;
                    counts[j]++;
                    total++;
                }
                if (spikeI[j]) {
                    vI[j] = I_RESET;
                    lastI[j] = t;
                }
            }
            if (trace != null) {
                trace.step(t, vE, geE, giE);
            }
        }
        return new State(total, vE, geE, giE);
    }
}
