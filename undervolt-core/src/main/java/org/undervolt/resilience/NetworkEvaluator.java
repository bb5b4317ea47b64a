package org.undervolt.resilience;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluation;
import org.undervolt.nn.train.Evaluator;

/**
 * Test accuracy of a network whose stored data carry bit errors: one trial reads the weights once
 * (one error draw per stored weight tensor) and every IFM of every batch with fresh errors.
 */
public final class NetworkEvaluator implements TrialModel {
    private final Sequential model;
    private final NetworkFaults faults;
    private final ImageDataset test;
    private boolean[] cleanCorrect;
    private Incremental incremental = Incremental.PAIRED;
    private CleanActivations activations;
    private Map<String, float[]> cleanWeights;
    private boolean ifmDelta;
    private IfmDeltaPlan deltaPlan;
    private IfmDeltaCache deltaCache;

    public NetworkEvaluator(Sequential model, NetworkFaults faults, ImageDataset test) {
        this.model = model;
        this.faults = faults;
        this.test = test;
    }

    public NetworkFaults faults() {
        return faults;
    }

    /** Which trials may be evaluated incrementally ({@link IncrementalTrials}). */
    public enum Incremental {
        /** None. */
        OFF,
        /** Paired (sequential) trials, the default: the full evaluation stays the bit-exact reference. */
        PAIRED,
        /** Full trials too. */
        ALWAYS
    }

    /**
     * Which trials may be evaluated incrementally; they are where it applies: only weights stored in
     * approximate DRAM and the error-free activations within {@link CleanActivations#BUDGET_FLOATS}
     * ({@link IncrementalTrials}), or, where {@link #ifmDelta(boolean)} is on, IFMs stored too
     * ({@link IfmDeltaTrials}).
     */
    public NetworkEvaluator incremental(Incremental which) {
        this.incremental = which;
        return this;
    }

    /**
     * Whether trials with IFMs stored may be evaluated as deltas of the cached error-free codes
     * ({@link IfmDeltaTrials}, where {@link #incremental(Incremental)} allows incremental evaluation). Off by
     * default: its predictions are the full evaluation's bit for bit, but on LeNet-5 with weight and IFM errors at
     * the threshold BER it costs more CPU time than the full evaluation ({@code undervolt-bench/README.md}).
     */
    public NetworkEvaluator ifmDelta(boolean on) {
        this.ifmDelta = on;
        return this;
    }

    /**
     * Whether paired trials are evaluated incrementally (see {@link #incremental(Incremental)}): from the cached
     * error-free activations where only weights are stored ({@link IncrementalTrials}), as changes to the cached
     * error-free codes where IFMs are stored too ({@link IfmDeltaTrials}).
     */
    public boolean usesIncremental() {
        return incremental != Incremental.OFF && (applies() || deltaApplies());
    }

    /** How paired trials propagate a draw's errors: {@code full}, {@code weight-delta} or {@code ifm-delta}. */
    public String propagation() {
        return !usesIncremental() ? "full" : applies() ? "weight-delta" : IfmDeltaTrials.PROPAGATION;
    }

    private synchronized IfmDeltaPlan deltaPlan() {
        if (deltaPlan == null) {
            deltaPlan = IfmDeltaPlan.of(model, faults);
        }
        return deltaPlan;
    }

    /** IFMs stored, the network of a kind {@link IfmDeltaPlan} walks, and its cache within the activations' budget. */
    private boolean deltaApplies() {
        return ifmDelta && storesIfms() && deltaPlan().whyNot() == null
                && IfmDeltaCache.bytes(model, deltaPlan(), test.size()) <= 4 * CleanActivations.BUDGET_FLOATS;
    }

    private synchronized IfmDeltaCache deltaCache() {
        if (deltaCache == null) {
            deltaCache = IfmDeltaCache.of(model, faults, deltaPlan(), test, cleanWeights());
        }
        return deltaCache;
    }

    private boolean storesIfms() {
        return faults.setup().sites().stream().anyMatch(s -> s.kind() == DataKind.IFMS);
    }

    private boolean applies() {
        if (storesIfms()) {
            return false;
        }
        Map<String, float[]> w = cleanWeights();
        return !w.isEmpty() && CleanActivations.floats(model, IncrementalTrials.storedLayers(model, w), test.size())
                <= CleanActivations.BUDGET_FLOATS;
    }

    private synchronized Map<String, float[]> cleanWeights() {
        if (cleanWeights == null) {
            cleanWeights = faults.readWeights(faults.setup().uniform(0), 0L);
        }
        return cleanWeights;
    }

    private synchronized IncrementalTrials incremental(DoubleFunction<Map<Site, Double>> family) {
        Map<String, float[]> w = cleanWeights();
        if (activations == null) {
            activations = CleanActivations.of(model, test, faults.inferenceHooks(faults.setup().uniform(0), 0L),
                    IncrementalTrials.storedLayers(model, w));
        }
        return new IncrementalTrials(model, faults, test, family, activations, w);
    }

    /** Accuracy of one trial with the given per-site BERs; the draw's seed is the next long of {@code rng}. */
    public double accuracy(Map<Site, Double> bers, SplittableRandom rng) {
        return evaluation(bers, rng).accuracy();
    }

    /**
     * As {@link #accuracy(Map, SplittableRandom)}, with the count of test images whose output held a NaN
     * or an infinity ({@link Evaluation#nonfinite()}).
     */
    public Evaluation evaluation(Map<Site, Double> bers, SplittableRandom rng) {
        return Evaluator.evaluate(model, test, faults.inferenceHooks(bers, rng.nextLong()));
    }

    /**
     * Error-free accuracy of the stored network (quantisation and value correction included): read off the
     * cached error-free predictions that paired trials compare with, so a sequential search infers the clean
     * network once; the same value as {@link Evaluator#accuracy} in the same batches.
     */
    public double baseline() {
        int right = 0;
        for (boolean b : cleanCorrect()) {
            right += b ? 1 : 0;
        }
        return new Evaluation(test.size(), right, 0).accuracy();
    }

    /**
     * Paired trials of a one-parameter family of BER maps ({@link #at}): trial {@code t} draws the same
     * weights from its stream as {@link #at}'s, and is compared image by image with the error-free network
     * (predicted once for all families, in the evaluator's own batches, so its accuracy is {@link #baseline()}).
     */
    public PairedTrials paired(DoubleFunction<Map<Site, Double>> family) {
        if (incremental != Incremental.OFF && deltaApplies()) {
            return new IfmDeltaTrials(model, faults, test, family, deltaPlan(), deltaCache(), cleanWeights());
        }
        if (usesIncremental()) {
            return incremental(family);
        }
        return inFull(family);
    }

    /** Paired trials evaluated in full: every layer of every image. */
    private PairedTrials inFull(DoubleFunction<Map<Site, Double>> family) {
        return new PairedTrials() {
            private boolean[] clean; // predicted on first use: a full search in order never compares

            @Override
            public int images() {
                return test.size();
            }

            @Override
            public boolean cleanCorrect(int i) {
                boolean[] c = clean;
                if (c == null) {
                    c = NetworkEvaluator.this.cleanCorrect();
                    clean = c;
                }
                return c[i];
            }

            @Override
            public Trial open(double ber, SplittableRandom rng) {
                LayerHooks hooks = faults.inferenceHooks(family.apply(ber), rng.nextLong());
                return new Trial() {
                    @Override
                    public Chunk correct(int[] order, int from, int to) {
                        return IndexedInference.correct(model, test, hooks, order, from, to);
                    }

                    @Override
                    public int split() {
                        return Evaluator.BATCH; // a batch's IFM errors come from its first position
                    }
                };
            }

            @Override
            public boolean orderDependent() {
                return storesIfms(); // IFM errors are drawn per batch of positions
            }
        };
    }

    private synchronized boolean[] cleanCorrect() {
        if (cleanCorrect == null && incremental != Incremental.OFF && deltaApplies()) {
            cleanCorrect = deltaCache().correct; // the same predictions (IfmDeltaTrialsTest), one clean pass fewer
        }
        if (cleanCorrect == null) {
            cleanCorrect = IndexedInference.correct(model, test, faults.inferenceHooks(faults.setup().uniform(0), 0L),
                    identity(), 0, test.size()).correct();
        }
        return cleanCorrect;
    }

    private int[] identity() {
        int[] identity = new int[test.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return identity;
    }

    @Override
    public TrialEvaluator evaluator(TrialFamily family) {
        return at(family.bers(faults.setup()));
    }

    @Override
    public PairedTrials paired(TrialFamily family) {
        return paired(family.bers(faults.setup()));
    }

    /**
     * The paired trials a full search evaluates in order: in full, unless {@link Incremental#ALWAYS} lets full
     * trials be evaluated incrementally too, so that by default a full search stays the bit-exact reference.
     */
    @Override
    public PairedTrials reference(TrialFamily family) {
        return incremental == Incremental.ALWAYS ? paired(family) : inFull(family.bers(faults.setup()));
    }

    /** True where IFMs are stored: their errors are drawn per batch of positions. */
    @Override
    public boolean orderDependent(TrialFamily family) {
        return storesIfms();
    }

    /** A trial evaluator for a one-parameter family of BER maps (coarse: all sites; fine: one site). */
    public TrialEvaluator at(DoubleFunction<Map<Site, Double>> family) {
        return new TrialEvaluator() {
            @Override
            public double accuracy(double ber, SplittableRandom rng) {
                return evaluate(ber, rng).accuracy();
            }

            @Override
            public Outcome evaluate(double ber, SplittableRandom rng) {
                if (incremental == Incremental.ALWAYS && applies()) {
                    PairedTrials.Chunk c = incremental(family).open(ber, rng).correct(identity(), 0, test.size());
                    int right = 0;
                    for (boolean b : c.correct()) {
                        right += b ? 1 : 0;
                    }
                    return new Outcome(new Evaluation(test.size(), right, c.nonfinite()).accuracy(), c.nonfinite());
                }
                Evaluation e = evaluation(family.apply(ber), rng);
                return new Outcome(e.accuracy(), e.nonfinite());
            }
        };
    }
}
