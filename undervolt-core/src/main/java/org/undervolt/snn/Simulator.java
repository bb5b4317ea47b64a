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
 * Per step: one update per neuron (2N; inhibitory neurons at rest are skipped) plus, for each input
 * spike, one addition per target synapse. Input spikes are generated event by event
 * ({@link PoissonEncoder}). Nothing is proportional to 784 x N per step. An input spike adds its
 * whole weight row, in delay order, into a ring of pending conductance indexed by arrival step
 * ({@link #emit}); each step drains one slot into ge. That is exact whenever a weight cannot change
 * between a spike's emission and its arrival: always in inference, and when learning for every
 * neuron that has not fired yet in the presentation (STDP changes a neuron's weights only through
 * its post trace, which is 0 until it fires). Once a neuron fires, its buffered input is dropped and
 * its arrivals are delivered one by one with the pre-synaptic rule ({@link #deliverToFired}, from queues
 * filled at emission: {@link #queueForFired}); each
 * excitatory spike applies the post-synaptic rule to the neuron's synapses that have a pre trace
 * ({@link #potentiate}). Trainers keep the weights in the same delay order
 * ({@link SynapticDelays#byDelay}), so emission reads them sequentially. The vectorised simulator drains
 * as part of the excitatory step ({@link ExcitatoryKernel#stepArriving} in inference,
 * {@link ExcitatoryKernel#stepLearningArriving} when learning): one pass over the neurons instead
 * of two, the same operations in the same order. {@code exactArrivals}
 * delivers every arrival one by one instead, the reference the buffered form is tested against.
 *
 * <h2>Order within a step</h2>
 * As in Brian: integrate; thresholds; synaptic events (input arrivals: {@code ge += w; pre = 1;
 * w -= nu_pre post1}, then excitatory spikes to their inhibitory partner and STDP
 * {@code w += nu_post pre post2before; post1 = post2 = 1}, then inhibitory spikes to every other
 * excitatory neuron); resets ({@code theta += theta_plus} when learning).
 *
 * <h2>Rest between images</h2>
 * Every presentation starts from the resting state (v at rest, no conductance, no trace, no spike in
 * flight), which is what the original's 150 ms rest converges to: ge, gi (tau 1-2 ms) vanish, the
 * traces fall to exp(-150/20) and exp(-150/40), and the refractory hold has passed; only v (tau 100 ms)
 * keeps 22 % of its deviation in the original. Starting each image from the same state makes
 * images independent, so inference runs them in parallel with results independent of scheduling.
 * Theta decays over the whole 500 ms (presentation and rest) when learning, and grows by
 * {@link DiehlCook#thetaIncrement} of the network's size per spike; it is frozen otherwise.
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
    private final int[] activeI;
    private final boolean[] isActiveI;
    private int nActiveI;
    private final boolean[] fired;
    private final int[] firedList;
    private int nFired;
    /** Learning: arrivals queued for fired neurons, per (arrival step mod 32, delay): pairs (synapse, neuron). */
    private final int[][] queued;
    private final int[] queuedLength;
    private final boolean exactArrivals;
    private final int[] seen;
    private final int[] activeInputs;
    private int nActiveInputs;
    private double[] pending;
    /** Number of a presentation's first step: far enough above 0 that "never spiked" fits below it. */
    private static final int BASE = 1 << 20;

    private final double decGe = Math.exp(-DT / TAU_GE);
    private final double decGi = Math.exp(-DT / TAU_GI);
    private final double meanGe = stepMean(TAU_GE);
    private final double meanGi = stepMean(TAU_GI);
    private final double dec1 = Math.exp(-DT / TAU_POST1);
    private final double dec2 = Math.exp(-DT / TAU_POST2);
    private final double tauTheta;
    private final double decTheta;
    private final double thetaPlus;
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
        this(delays, vectorised, false);
    }

    /**
     * {@code exactArrivals = true}: the reference for learning, every arrival delivered one by one
     * at its arrival step (as if every neuron had fired), instead of buffering at emission the input
     * of neurons whose weights cannot change yet. Same dynamics; sums may differ in the last bit.
     */
    Simulator(SynapticDelays delays, boolean vectorised, boolean exactArrivals) {
        this(delays, vectorised, exactArrivals, TAU_THETA, thetaIncrement(delays.neurons()));
    }

    /**
     * As above, with theta's decay time constant (ms) and increment per spike (mV) given instead of
     * {@link DiehlCook#TAU_THETA} and {@link DiehlCook#thetaIncrement} of the network's size.
     */
    Simulator(SynapticDelays delays, boolean vectorised, boolean exactArrivals, double tauTheta, double thetaPlus) {
        this.vectorised = vectorised;
        this.exactArrivals = exactArrivals;
        this.delays = delays;
        this.n = delays.neurons();
        this.tauTheta = tauTheta;
        this.thetaPlus = thetaPlus;
        this.decTheta = Math.exp(-DT / tauTheta);
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
        fired = new boolean[n];
        firedList = new int[n];
        queued = new int[SLOTS * (maxDelay + 1)][];
        for (int b = 0; b < queued.length; b++) {
            queued[b] = new int[16];
        }
        queuedLength = new int[queued.length];
        activeI = new int[n];
        isActiveI = new boolean[n];
        seen = new int[delays.inputs()];
        activeInputs = new int[delays.inputs()];
        kernel = new ExcitatoryKernel(meanGe, meanGi, decGe, decGi, dec1, dec2, decTheta, aE, E_REST,
                E_INH_REVERSAL, E_THRESH - THETA_OFFSET);
        preTable = new double[STEPS + maxDelay + 2];
        for (int k = 0; k < preTable.length; k++) {
            preTable[k] = Math.exp(-k * DT / TAU_PRE);
        }
    }

    /**
     * The learning reference, every arrival delivered one by one (see the package-private
     * constructor); for benchmarks and tests: same dynamics, slower.
     */
    public static Simulator arrivalByArrival(SynapticDelays delays) {
        return new Simulator(delays, true, true);
    }

    public int neurons() {
        return n;
    }

    /** For tests: sees the excitatory neurons' state at the end of every step (read only). */
    interface StepTrace {
        void step(int step, double[] v, double[] ge, double[] gi);
    }

    private StepTrace trace;

    /** For tests: {@code trace} sees every later presentation's steps; null for none. */
    void trace(StepTrace trace) {
        this.trace = trace;
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
        if (learn) {
            float[] wByDelay = delays.byDelay(w);
            int total = train(input, wByDelay, theta, counts);
            delays.rowMajor(wByDelay, w);
            return total;
        }
        return present(input, w, null, theta, false, counts);
    }

    /**
     * A learning presentation on weights held in delay order ({@link SynapticDelays#byDelay}), the
     * trainers' working form; weights must lie in {@code [0, w_max]}.
     */
    public int train(PoissonEncoder input, float[] wByDelay, double[] theta, int[] counts) {
        return run(input, null, wByDelay, theta, true, counts);
    }

    /**
     * As {@link #present(PoissonEncoder, float[], double[], boolean, int[])}; without learning, a
     * non-null {@code wByDelay} ({@link SynapticDelays#byDelay} of {@code w}) is read instead of
     * {@code w}, sequentially (same values, faster).
     */
    public int present(PoissonEncoder input, float[] w, float[] wByDelay, double[] theta, boolean learn, int[] counts) {
        if (learn) {
            return present(input, w, theta, true, counts);
        }
        return run(input, w, wByDelay, theta, false, counts);
    }

    /** One presentation; when learning, {@code w} is unused and {@code wByDelay} is learnt. */
    private int run(PoissonEncoder input, float[] w, float[] wByDelay, double[] theta, boolean learn, int[] counts) {
        final int base = startPresentation(learn);
        final int[] stepStart = input.stepStart();
        final int[] spikes = input.inputs();
        Arrays.fill(counts, 0);
        int total = 0;
        final double threshBase = E_THRESH - THETA_OFFSET;
        // buffered inference: the arrivals of step 2 are added in the pass of step 1 over the neurons
        final boolean fused = vectorised && !learn && wByDelay != null;
        // buffered learning, likewise for the neurons that have not fired (the fired ones' buffered input is
        // cleared first, as before the separate drain)
        final boolean fusedLearning = vectorised && learn;
        for (int k = 0; k < STEPS; k++) {
            final int t = base + k;
            // 1. integrate and threshold, excitatory (dense: vectorised)
            int nC;
            if (fused) {
                // emitted first: nothing before step 2 reads the buffer, and ge only before its arrivals
                emit(k, stepStart, spikes, wByDelay);
                int slot = k & (SLOTS - 1);
                nC = kernel.stepArriving(n, vE, geE, giE, theta, pending, slot * n,
                        (slot < maxDelay ? slot + SLOTS : ZERO_ROW + maxDelay) * n, candidates);
            } else if (fusedLearning) {
                // emitted first, as in inference: no weight changes between here and step 2
                emit(k, stepStart, spikes, wByDelay);
                int slot = k & (SLOTS - 1);
                clearFiredColumns(slot);
                nC = kernel.stepLearningArriving(n, vE, geE, giE, post1, post2, theta, pending, slot * n,
                        (slot < maxDelay ? slot + SLOTS : ZERO_ROW + maxDelay) * n, candidates);
            } else {
                nC = vectorised
                        ? kernel.stepVector(n, vE, geE, giE, post1, post2, theta, learn, candidates)
                        : kernel.stepScalar(0, n, vE, geE, giE, post1, post2, theta, learn, candidates, 0);
            }
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
            // 1'. integrate and threshold, inhibitory: only those away from rest
            int nI = 0;
            int stillActive = 0;
            for (int a = 0; a < nActiveI; a++) {
                int j = activeI[a];
                double ge = geI[j];
                double v = vI[j];
                boolean free = t - lastSpikeI[j] > refracI;
                if (free) {
                    v = membrane(v, ge * meanGe, 0, I_REST, I_INH_REVERSAL, aI);
                    if (Math.abs(v - I_REST) < 1e-9) {
                        v = I_REST;
                    }
                    vI[j] = v;
                }
                double g = ge * decGe < G_FLUSH ? 0 : ge * decGe;
                geI[j] = g;
                if (free && v > I_THRESH) {
                    spikedI[nI++] = j;
                }
                if (g == 0 && v == I_REST) {
                    isActiveI[j] = false;
                } else {
                    activeI[stillActive++] = j;
                }
            }
            nActiveI = stillActive;
            // 2. input spikes arriving now (emitted d steps ago)
            if (learn) {
                countEmissions(k, stepStart, spikes);
                if (!fusedLearning) {
                    emit(k, stepStart, spikes, wByDelay);
                    clearFiredColumns(k & (SLOTS - 1));
                    drain(k);
                }
                if (exactArrivals) {
                    deliverToFired(k, stepStart, spikes, wByDelay);
                } else {
                    queueForFired(k, stepStart, spikes);
                    deliverQueued(k, wByDelay);
                }
            } else if (fused) {
                // delivered with step 1
            } else if (wByDelay != null) {
                emit(k, stepStart, spikes, wByDelay);
                drain(k);
            } else {
                deliverByDelay(k, stepStart, spikes, w);
            }
            // 3. excitatory spikes: to the inhibitory partner; post-synaptic STDP
            for (int q = 0; q < nE; q++) {
                int j = spikedE[q];
                geI[j] += W_EI;
                if (!isActiveI[j]) {
                    isActiveI[j] = true;
                    activeI[nActiveI++] = j;
                }
                if (learn) {
                    if (!fired[j]) {
                        markFired(j);
                        if (!exactArrivals) {
                            queueEarlierSpikes(j, k, stepStart, spikes);
                        }
                    }
                    double p2 = post2[j];
                    if (p2 > 0) {
                        potentiate(j, k, NU_POST * p2, wByDelay, input.inputStart(), input.stepsByInput());
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
                    theta[j] += thetaPlus;
                }
            }
            total += nE;
            for (int q = 0; q < nI; q++) {
                int j = spikedI[q];
                vI[j] = I_RESET;
                lastSpikeI[j] = t;
            }
            if (trace != null) {
                trace.step(k, vE, geE, giE);
            }
        }
        if (learn) {
            // theta also decays during the 150 ms rest
            double restDecay = Math.exp(-REST_MS / tauTheta);
            for (int j = 0; j < n; j++) {
                theta[j] *= restDecay;
            }
        }
        return total;
    }

    /**
     * Delivers the input spikes arriving at step {@code k} synapse by synapse (inference on
     * row-major weights), visiting each spike of the last 21 steps through its bucket of synapses
     * with the matching delay.
     */
    private void deliverByDelay(int k, int[] stepStart, int[] spikes, float[] w) {
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
                for (int r = from; r < to; r++) {
                    int j = targets[r];
                    geE[j] += w[row + j];
                }
            }
        }
    }

    /**
     * Learning delivery to the neurons that have fired in this presentation, arrival by arrival in
     * the order d ascending, then spike order: {@code ge += w}, then the pre-synaptic rule
     * {@code w -= nu_pre * post1}, clipped at 0 (pre = 1 at the arrival is not stored:
     * {@link #potentiate} finds it again). The other neurons' weights cannot change before they
     * fire, so their input went through the buffer at emission ({@link #emit}).
     */
    private void deliverToFired(int k, int[] stepStart, int[] spikes, float[] wByDelay) {
        if (nFired == 0) {
            return;
        }
        final byte[] delay = delays.raw();
        final char[] pos = delays.positions();
        for (int d = 0; d <= maxDelay && d <= k; d++) {
            int s = k - d;
            for (int q = stepStart[s], qe = stepStart[s + 1]; q < qe; q++) {
                int row = spikes[q] * n;
                for (int a = 0; a < nFired; a++) {
                    int j = firedList[a];
                    if (delay[row + j] == d) {
                        int r = row + pos[row + j];
                        float wij = wByDelay[r];
                        geE[j] += wij;
                        float nw = (float) (wij - NU_PRE * post1[j]);
                        wByDelay[r] = nw < 0f ? 0f : nw;
                    }
                }
            }
        }
    }

    /**
     * {@link #deliverToFired} without its search: at emission, each input spike queues one entry per fired
     * neuron (the synapse's place in delay order and the neuron) under its arrival step and delay, and a
     * neuron that fires for the first time queues the arrivals still to come from spikes emitted before
     * ({@link #queueEarlierSpikes}). Delivering a step's queues in the order d ascending, then as queued,
     * applies to each neuron the same operations in the same order as {@link #deliverToFired} does (spike
     * order within a delay: emission visits spikes in order, and a neuron's back-filled entries come from
     * steps before any entry queued at emission); the order between neurons does not matter, since an
     * arrival touches only its own neuron's conductance and its own synapse. The work is one entry per
     * (spike, fired neuron) instead of a test per (spike, fired neuron, delay).
     */
    private void queueForFired(int k, int[] stepStart, int[] spikes) {
        if (nFired == 0) {
            return;
        }
        final byte[] delay = delays.raw();
        final char[] pos = delays.positions();
        for (int q = stepStart[k], qe = stepStart[k + 1]; q < qe; q++) {
            int row = spikes[q] * n;
            for (int a = 0; a < nFired; a++) {
                int j = firedList[a];
                int d = delay[row + j];
                queue(k + d, d, row + pos[row + j], j);
            }
        }
    }

    /**
     * Neuron {@code j} fired for the first time at step {@code f}: queues its arrivals after {@code f} from the
     * spikes emitted up to {@code f} (later ones are queued at emission), in emission order.
     */
    private void queueEarlierSpikes(int j, int f, int[] stepStart, int[] spikes) {
        final byte[] delay = delays.raw();
        final char[] pos = delays.positions();
        for (int e = Math.max(0, f + 1 - maxDelay); e <= f; e++) {
            for (int q = stepStart[e], qe = stepStart[e + 1]; q < qe; q++) {
                int row = spikes[q] * n;
                int d = delay[row + j];
                if (e + d > f) {
                    queue(e + d, d, row + pos[row + j], j);
                }
            }
        }
    }

    private void queue(int t, int d, int r, int j) {
        int b = (t & (SLOTS - 1)) * (maxDelay + 1) + d;
        int len = queuedLength[b];
        int[] entries = queued[b];
        if (len + 2 > entries.length) {
            entries = java.util.Arrays.copyOf(entries, entries.length * 2);
            queued[b] = entries;
        }
        entries[len] = r;
        entries[len + 1] = j;
        queuedLength[b] = len + 2;
    }

    /** Delivers the entries queued for step {@code k} as {@link #deliverToFired} does, and empties the queues. */
    private void deliverQueued(int k, float[] wByDelay) {
        int first = (k & (SLOTS - 1)) * (maxDelay + 1);
        for (int d = 0; d <= maxDelay; d++) {
            int b = first + d;
            int len = queuedLength[b];
            if (len == 0) {
                continue;
            }
            int[] entries = queued[b];
            for (int x = 0; x < len; x += 2) {
                int r = entries[x];
                int j = entries[x + 1];
                float wij = wByDelay[r];
                geE[j] += wij;
                float nw = (float) (wij - NU_PRE * post1[j]);
                wByDelay[r] = nw < 0f ? 0f : nw;
            }
            queuedLength[b] = 0;
        }
    }

    /**
     * Neuron {@code j} fired for the first time in this presentation: from now on its weights change
     * (STDP), so {@link #deliverToFired} delivers its input and what is buffered for it is dropped
     * ({@link #clearFiredColumns}).
     */
    private void markFired(int j) {
        fired[j] = true;
        firedList[nFired++] = j;
    }

    /**
     * Zeroes the fired neurons' entries of a buffer slot (and of its wrap-around copy) before it
     * drains: input buffered for them, before or after they fired, is delivered by {@link #deliverToFired}.
     */
    private void clearFiredColumns(int slot) {
        final double[] buf = pending;
        int a = slot * n;
        int b = (slot + SLOTS) * n;
        boolean copy = slot < maxDelay;
        for (int f = 0; f < nFired; f++) {
            int j = firedList[f];
            buf[a + j] = 0;
            if (copy) {
                buf[b + j] = 0;
            }
        }
    }

    /** Counts the input spikes emitted at step {@code k} per input (for {@link #potentiate}). */
    private void countEmissions(int k, int[] stepStart, int[] spikes) {
        for (int q = stepStart[k], qe = stepStart[k + 1]; q < qe; q++) {
            int i = spikes[q];
            if (seen[i]++ == 0) {
                activeInputs[nActiveInputs++] = i;
            }
        }
    }

    /**
     * Post-synaptic STDP of neuron {@code j} spiking at step {@code k}: {@code w += gain * pre} for
     * each of its synapses, clipped at w_max, where {@code pre = exp(-age dt / tau_pre)} and
     * {@code age} counts the steps since the synapse's last arrival. Only inputs that have spiked
     * in this presentation have a trace. The last arrival of synapse (i, j) is {@code s + d_ij} for
     * the latest spike {@code s} of input {@code i} with {@code s + d_ij <= k}; it is found by
     * stepping back through the input's spikes (a few at most: an input spikes at most once a step
     * and delays are at most 20 steps), which costs less than recording every arrival.
     */
    private void potentiate(int j, int k, double gain, float[] wByDelay, int[] inputStart, int[] stepsByInput) {
        final byte[] delay = delays.raw();
        final char[] pos = delays.positions();
        for (int a = 0; a < nActiveInputs; a++) {
            int i = activeInputs[a];
            int idx = i * n + j;
            int limit = k - delay[idx];
            int first = inputStart[i];
            int p = first + seen[i] - 1;
            while (p >= first && stepsByInput[p] > limit) {
                p--;
            }
            if (p >= first) {
                int r = i * n + pos[idx];
                float nw = (float) (wByDelay[r] + gain * preTable[limit - stepsByInput[p]]);
                wByDelay[r] = nw > W_MAX ? (float) W_MAX : nw;
            }
        }
    }

    private static final int SLOTS = 32;
    /**
     * The buffer's last row ({@code SLOTS + maxDelay}), never written: the fused step adds it where a slot has
     * no wrap-around copy. Adding +0.0 leaves every conductance as it is: a sum that has had a slot's arrivals
     * added cannot be -0.0 (x + (+0.0) is x for every other x), and an arrival sum is +0.0 or a real sum.
     */
    private static final int ZERO_ROW = SLOTS;

    /**
     * Buffered delivery, part 1: each input spike of step {@code k} adds its whole weight row, in
     * delay order, to a buffer of pending conductance indexed by arrival step (32 slots, 21 in use,
     * a second copy of the first 21 rows so that a row's writes never wrap). One pass over N
     * synapses per spike, read sequentially. Valid while the weights cannot change before the
     * arrival: always in inference; when learning, for neurons that have not fired yet.
     */
    private void emit(int k, int[] stepStart, int[] spikes, float[] wByDelay) {
        final int[] off = delays.slotOffsets();
        final double[] buf = pending;
        final int base = (k & (SLOTS - 1)) * n;
        for (int q = stepStart[k], qe = stepStart[k + 1]; q < qe; q++) {
            int row = spikes[q] * n;
            for (int r = row, end = row + n; r < end; r++) {
                buf[base + off[r]] += wByDelay[r];
            }
        }
    }

    /** Buffered delivery, part 2: the conductance arriving at step {@code k} is moved into ge. */
    private void drain(int k) {
        final double[] buf = pending;
        int slot = k & (SLOTS - 1);
        int a = slot * n;
        for (int j = 0; j < n; j++) {
            geE[j] += buf[a + j];
            buf[a + j] = 0;
        }
        if (slot < maxDelay) {
            // writes made SLOTS or fewer steps ago landed in the copy past the end
            int b = (slot + SLOTS) * n;
            for (int j = 0; j < n; j++) {
                geE[j] += buf[b + j];
                buf[b + j] = 0;
            }
        }
    }

    /** Resets the state to rest; returns the number of the first step. */
    private int startPresentation(boolean learn) {
        Arrays.fill(vE, E_REST);
        Arrays.fill(geE, 0);
        Arrays.fill(giE, 0);
        Arrays.fill(post1, 0);
        Arrays.fill(post2, 0);
        Arrays.fill(vI, I_REST);
        nRefractory = 0;
        if (pending == null) {
            pending = new double[(SLOTS + maxDelay + 1) * n]; // the ring, the copies, the zero row
        } else {
            Arrays.fill(pending, 0);
        }
        Arrays.fill(geI, 0);
        Arrays.fill(isActiveI, false);
        Arrays.fill(fired, false);
        nFired = 0;
        Arrays.fill(queuedLength, 0); // arrivals queued past the last step
        if (learn && exactArrivals) {
            for (int j = 0; j < n; j++) {
                markFired(j);
            }
        }
        nActiveI = 0;
        for (int a = 0; a < nActiveInputs; a++) {
            seen[activeInputs[a]] = 0;
        }
        nActiveInputs = 0;
        // Every neuron may fire at once: last spikes lie before the lockout window.
        Arrays.fill(lastSpikeE, BASE - lockout - 1);
        Arrays.fill(lastSpikeI, BASE - refracI - 1);
        return BASE;
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
