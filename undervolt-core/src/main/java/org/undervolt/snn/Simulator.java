package org.undervolt.snn;

import java.util.Arrays;

import static org.undervolt.snn.DiehlCook.*;

/**
 * Event-driven simulation of one presentation (350 ms) of the Diehl and Cook network.
 *
 * <h2>Integration scheme</h2>
 * Fixed step {@code dt = 0.5 ms} (the original's). Every linear, input-free decay is advanced by its
 * exact factor {@code exp(-dt/tau)}: the conductances ge, gi, the STDP traces and theta. The membrane
 * equation {@code tau dv/dt = (v_rest - v) + ge (0 - v) + gi (E_inh - v)} is advanced by the exact
 * solution for conductances held at their <em>mean over the step</em> (exponential Euler):
 * {@code v <- v_inf + (v - v_inf) exp(-dt (1 + ge' + gi') / tau)} with
 * {@code v_inf = (v_rest + gi' E_inh) / (1 + ge' + gi')} and {@code g' = g tau_g/dt (1 - exp(-dt/tau_g))}.
 * Why: the leak alone is then exact (tested against the closed form); the charge of a synaptic event
 * equals the continuous model's (as the original's Euler scheme also conserves it); and unlike
 * forward Euler the update stays stable when many inhibitory spikes arrive together
 * (gi of several hundred). The original uses Brian's forward Euler at the same step.
 *
 * <h2>Event-driven work</h2>
 * Per step: one update per neuron (2N) plus, for each input spike arriving at the step, one addition
 * per target synapse (the input's weight row, grouped by delay). Input spikes are generated event by
 * event ({@link PoissonEncoder}). Nothing is proportional to 784 x N per step. With plasticity, each
 * arrival also applies the pre-synaptic STDP rule to its synapse, and each excitatory spike the
 * post-synaptic rule to the neuron's 784 synapses.
 *
 * <h2>Order within a step</h2>
 * As in Brian: integrate; thresholds; synaptic events (input arrivals: {@code ge += w; pre = 1;
 * w -= nu_pre post1}, then excitatory spikes to their inhibitory partner and STDP
 * {@code w += nu_post pre post2before; post1 = post2 = 1}, then inhibitory spikes to every other
 * excitatory neuron); resets ({@code theta += 0.05 mV} when learning).
 *
 * <h2>Rest between images</h2>
 * Every presentation starts from the resting state (v at rest, no conductance, no trace, no spike in
 * flight), which is what the original's 150 ms rest converges to: ge, gi (tau 1-2 ms) vanish, the
 * traces fall to exp(-150/20) and exp(-150/40), and the refractory hold has passed; only v (tau 100 ms)
 * keeps 22 % of its deviation in the original. Starting each image from the same state makes
 * images independent, so inference runs them in parallel with results independent of scheduling.
 * Theta decays over the whole 500 ms (presentation and rest) when learning and is frozen otherwise.
 *
 * <p>Not thread-safe: one simulator per thread; the weights array is shared read-only in inference.
 */
public final class Simulator {
    private static final double G_FLUSH = 1e-30;

    private final int n;
    private final SynapticDelays delays;
    private final int maxDelay;

    private final double[] vE;
    private final double[] geE;
    private final double[] giE;
    private final double[] post1;
    private final double[] post2;
    private final int[] lastSpikeE;
    private final double[] vI;
    private final double[] geI;
    private final int[] lastSpikeI;
    private final int[] spikedE;
    private final int[] spikedI;
    private final int[] candidates;
    private final int[] refractory;
    private int nRefractory;
    private final ExcitatoryKernel kernel;
    private final boolean vectorised;
    private int[] lastArrival;
    private double[] pending;
    private int clock;

    private final double decGe = Math.exp(-DT / TAU_GE);
    private final double decGi = Math.exp(-DT / TAU_GI);
    private final double meanGe = stepMean(TAU_GE);
    private final double meanGi = stepMean(TAU_GI);
    private final double dec1 = Math.exp(-DT / TAU_POST1);
    private final double dec2 = Math.exp(-DT / TAU_POST2);
    private final double decTheta = Math.exp(-DT / TAU_THETA);
    private final double aE = DT / E_TAU;
    private final double aI = DT / I_TAU;
    private final int refracE = (int) Math.round(E_REFRACTORY / DT);
    private final int refracI = (int) Math.round(I_REFRACTORY / DT);
    private final int lockout = (int) Math.round(E_LOCKOUT / DT);
    private final double[] preTable;

    public Simulator(SynapticDelays delays) {
        this(delays, true);
    }

    /** {@code vectorised = false} runs the scalar reference kernel (bit-identical, slower). */
    Simulator(SynapticDelays delays, boolean vectorised) {
        this.vectorised = vectorised;
        this.delays = delays;
        this.n = delays.neurons();
        this.maxDelay = delays.maxDelay();
        vE = new double[n];
        geE = new double[n];
        giE = new double[n];
        post1 = new double[n];
        post2 = new double[n];
        lastSpikeE = new int[n];
        vI = new double[n];
        geI = new double[n];
        lastSpikeI = new int[n];
        spikedE = new int[n];
        spikedI = new int[n];
        candidates = new int[n];
        refractory = new int[n];
        kernel = new ExcitatoryKernel(meanGe, meanGi, decGe, decGi, dec1, dec2, decTheta, aE, E_REST,
                E_INH_REVERSAL, E_THRESH - THETA_OFFSET);
        preTable = new double[STEPS + maxDelay + 2];
        for (int k = 0; k < preTable.length; k++) {
            preTable[k] = Math.exp(-k * DT / TAU_PRE);
        }
        clock = 1 << 20;
    }

    public int neurons() {
        return n;
    }

    /**
     * Runs one presentation of the spike trains in {@code input}.
     *
     * @param w      input weights, row-major 784 x N; changed by STDP when {@code learn}
     * @param theta  adaptive thresholds (mV); increased and decayed when {@code learn}, else read only
     * @param learn  plasticity on (training) or off (inference)
     * @param counts excitatory spike counts of this presentation, written (length N)
     * @return the total number of excitatory spikes
     */
    public int present(PoissonEncoder input, float[] w, double[] theta, boolean learn, int[] counts) {
        return present(input, w, null, theta, learn, counts);
    }

    /**
     * As {@link #present(PoissonEncoder, float[], double[], boolean, int[])}; without learning, a
     * non-null {@code wByDelay} ({@link SynapticDelays#byDelay} of {@code w}) is read instead of
     * {@code w}, sequentially (same values, same sums, faster).
     */
    public int present(PoissonEncoder input, float[] w, float[] wByDelay, double[] theta, boolean learn, int[] counts) {
        final int base = startPresentation(learn);
        final int[] stepStart = input.stepStart();
        final int[] spikes = input.inputs();
        Arrays.fill(counts, 0);
        int total = 0;
        final double threshBase = E_THRESH - THETA_OFFSET;
        for (int k = 0; k < STEPS; k++) {
            final int t = base + k;
            // 1. integrate and threshold, excitatory (dense: vectorised)
            int nC = vectorised
                    ? kernel.stepVector(n, vE, geE, giE, post1, post2, theta, learn, candidates)
                    : kernel.stepScalar(0, n, vE, geE, giE, post1, post2, theta, learn, candidates, 0);
            int keep = 0;
            for (int q = 0; q < nRefractory; q++) {
                int j = refractory[q];
                if (t - lastSpikeE[j] <= refracE) {
                    vE[j] = E_RESET; // held at the reset value while refractory
                    refractory[keep++] = j;
                }
            }
            nRefractory = keep;
            int nE = 0;
            for (int q = 0; q < nC; q++) {
                int j = candidates[q];
                if (vE[j] > theta[j] + threshBase && t - lastSpikeE[j] > lockout) {
                    spikedE[nE++] = j;
                }
            }
            // 1'. integrate and threshold, inhibitory (most sit at rest: skipped)
            int nI = 0;
            for (int j = 0; j < n; j++) {
                double ge = geI[j];
                double v = vI[j];
                if (ge == 0 && v == I_REST) {
                    continue;
                }
                boolean free = t - lastSpikeI[j] > refracI;
                if (free) {
                    v = membrane(v, ge * meanGe, 0, I_REST, I_INH_REVERSAL, aI);
                    if (Math.abs(v - I_REST) < 1e-9) {
                        v = I_REST;
                    }
                    vI[j] = v;
                }
                geI[j] = ge * decGe < G_FLUSH ? 0 : ge * decGe;
                if (free && v > I_THRESH) {
                    spikedI[nI++] = j;
                }
            }
            // 2. input spikes arriving now (emitted d steps ago)
            if (!learn && wByDelay != null) {
                deliverBuffered(k, stepStart, spikes, wByDelay);
            } else {
                deliverByDelay(k, t, stepStart, spikes, w, learn);
            }
            // 3. excitatory spikes: to the inhibitory partner; post-synaptic STDP
            for (int q = 0; q < nE; q++) {
                int j = spikedE[q];
                geI[j] += W_EI;
                if (learn) {
                    double p2 = post2[j];
                    if (p2 > 0) {
                        double gain = NU_POST * p2;
                        for (int i = 0, idx = j; i < INPUTS; i++, idx += n) {
                            int la = lastArrival[idx];
                            if (la >= base) {
                                float nw = (float) (w[idx] + gain * preTable[t - la]);
                                w[idx] = nw > W_MAX ? (float) W_MAX : nw;
                            }
                        }
                    }
                    post1[j] = 1.0;
                    post2[j] = 1.0;
                }
            }
            // 4. inhibitory spikes: to every excitatory neuron except the partner
            if (nI > 0) {
                double add = W_IE * nI;
                for (int j = 0; j < n; j++) {
                    giE[j] += add;
                }
                for (int q = 0; q < nI; q++) {
                    giE[spikedI[q]] -= W_IE;
                }
            }
            // 5. resets
            for (int q = 0; q < nE; q++) {
                int j = spikedE[q];
                vE[j] = E_RESET;
                lastSpikeE[j] = t;
                refractory[nRefractory++] = j;
                counts[j]++;
                if (learn) {
                    theta[j] += THETA_PLUS;
                }
            }
            total += nE;
            for (int q = 0; q < nI; q++) {
                int j = spikedI[q];
                vI[j] = I_RESET;
                lastSpikeI[j] = t;
            }
        }
        if (learn) {
            // theta also decays during the 150 ms rest
            double restDecay = Math.exp(-REST_MS / TAU_THETA);
            for (int j = 0; j < n; j++) {
                theta[j] *= restDecay;
            }
        }
        return total;
    }

    /**
     * Delivers the input spikes arriving at step {@code k} synapse by synapse, visiting each spike
     * of the last 21 steps through its bucket of synapses with the matching delay. With learning,
     * each arrival also marks the synapse's pre trace ({@code pre = 1}) and depresses its weight
     * by {@code nu_pre * post1}, clipped at 0.
     */
    private void deliverByDelay(int k, int t, int[] stepStart, int[] spikes, float[] w, boolean learn) {
        final int[] targets = delays.targets();
        final int[] buckets = delays.bucketStarts();
        final int bstride = maxDelay + 2;
        for (int d = 0; d <= maxDelay && d <= k; d++) {
            int s = k - d;
            for (int q = stepStart[s], qe = stepStart[s + 1]; q < qe; q++) {
                int i = spikes[q];
                int row = i * n;
                int from = buckets[i * bstride + d];
                int to = buckets[i * bstride + d + 1];
                if (learn) {
                    for (int r = from; r < to; r++) {
                        int j = targets[r];
                        int idx = row + j;
                        float wij = w[idx];
                        geE[j] += wij;
                        lastArrival[idx] = t;
                        float nw = (float) (wij - NU_PRE * post1[j]);
                        w[idx] = nw < 0f ? 0f : nw;
                    }
                } else {
                    for (int r = from; r < to; r++) {
                        int j = targets[r];
                        geE[j] += w[row + j];
                    }
                }
            }
        }
    }

    private static final int SLOTS = 32;

    /**
     * Inference delivery: each input spike of step {@code k} adds its whole weight row, in delay
     * order, to a buffer of pending conductance indexed by arrival step (32 slots, 21 in use, a
     * second copy of the first 21 rows so that a row's writes never wrap); then the conductance
     * arriving at step {@code k} is moved into ge. One pass over N synapses per spike.
     */
    private void deliverBuffered(int k, int[] stepStart, int[] spikes, float[] wByDelay) {
        final int[] off = delays.slotOffsets();
        final double[] buf = pending;
        final int base = (k & (SLOTS - 1)) * n;
        for (int q = stepStart[k], qe = stepStart[k + 1]; q < qe; q++) {
            int row = spikes[q] * n;
            for (int r = row, end = row + n; r < end; r++) {
                buf[base + off[r]] += wByDelay[r];
            }
        }
        int slot = k & (SLOTS - 1);
        int a = slot * n;
        for (int j = 0; j < n; j++) {
            geE[j] += buf[a + j];
            buf[a + j] = 0;
        }
        if (slot <= maxDelay) {
            // writes made SLOTS or fewer steps ago landed in the copy past the end
            int b = (slot + SLOTS) * n;
            if (b + n <= buf.length) {
                for (int j = 0; j < n; j++) {
                    geE[j] += buf[b + j];
                    buf[b + j] = 0;
                }
            }
        }
    }

    /** Resets the state to rest and advances the clock past any earlier arrival. */
    private int startPresentation(boolean learn) {
        Arrays.fill(vE, E_REST);
        Arrays.fill(geE, 0);
        Arrays.fill(giE, 0);
        Arrays.fill(post1, 0);
        Arrays.fill(post2, 0);
        Arrays.fill(vI, I_REST);
        nRefractory = 0;
        if (pending == null) {
            pending = new double[(SLOTS + maxDelay) * n];
        } else {
            Arrays.fill(pending, 0);
        }
        Arrays.fill(geI, 0);
        if (learn && lastArrival == null) {
            lastArrival = new int[INPUTS * n];
            Arrays.fill(lastArrival, Integer.MIN_VALUE);
        }
        if (clock > Integer.MAX_VALUE / 2) {
            clock = 1 << 20;
            if (lastArrival != null) {
                Arrays.fill(lastArrival, Integer.MIN_VALUE);
            }
        }
        int base = clock;
        clock += STEPS + maxDelay + lockout + 1;
        // Every neuron may fire at once: last spikes lie before the lockout window.
        Arrays.fill(lastSpikeE, base - lockout - 1);
        Arrays.fill(lastSpikeI, base - refracI - 1);
        return base;
    }

    /**
     * One step of the membrane equation {@code tau dv/dt = (rest - v) + ge (0 - v) + gi (eInh - v)}
     * with the conductances held at their step means {@code ge, gi}: exact for constant conductances.
     *
     * @param a {@code dt / tau}
     */
    static double membrane(double v, double ge, double gi, double rest, double eInh, double a) {
        double b = 1.0 + ge + gi;
        double vinf = (rest + gi * eInh) / b;
        return vinf + (v - vinf) * ExcitatoryKernel.expNeg(a * b);
    }

    /** Mean over one step of a conductance that starts the step at 1 and decays with {@code tau}. */
    static double stepMean(double tau) {
        return tau / DT * (1 - Math.exp(-DT / tau));
    }

}
