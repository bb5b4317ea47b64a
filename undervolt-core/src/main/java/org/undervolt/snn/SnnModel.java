package org.undervolt.snn;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * A Diehl and Cook network's learned state: input weights (in a {@link SynapseStore}), adaptive
 * thresholds theta, the fixed synaptic delays, the neurons' class labels once assigned, and how far
 * training has got ({@code imagesTrained}, the index of the next training image).
 *
 * <p>Together with the master seed this is everything training carries from one image to the next,
 * so a model saved after image {@code k} and trained on resumes exactly where it stopped.
 */
public final class SnnModel {
    /** Stream ids under the master seed (see {@link Seeds}). */
    static final long STREAM_INIT_WEIGHTS = 1;
    static final long STREAM_DELAYS = 2;
    static final long STREAM_TRAIN = 3;
    /** Stream of the spike trains shown when neurons are labelled. */
    public static final long STREAM_LABEL = 4;
    /** Stream of the spike trains shown when test accuracy is measured. */
    public static final long STREAM_TEST = 5;

    private final int neurons;
    private final long seed;
    private SynapseStore weights;
    private final double[] theta;
    private final SynapticDelays delays;
    private int[] labels;
    private long imagesTrained;

    public SnnModel(int neurons, long seed, SynapseStore weights, double[] theta, SynapticDelays delays,
            int[] labels, long imagesTrained) {
        if (weights.rows() != DiehlCook.INPUTS || weights.cols() != neurons || theta.length != neurons
                || delays.neurons() != neurons || (labels != null && labels.length != neurons)) {
            throw new IllegalArgumentException("inconsistent model sizes for " + neurons + " neurons");
        }
        this.neurons = neurons;
        this.seed = seed;
        this.weights = weights;
        this.theta = theta;
        this.delays = delays;
        this.labels = labels;
        this.imagesTrained = imagesTrained;
    }

    /**
     * A fresh network as the original's generator makes it: weights {@code (U[0,1) + 0.01) * 0.3},
     * theta 20 mV, delays uniform in [0, 10] ms; all drawn from streams of {@code seed}.
     */
    public static SnnModel initial(int neurons, long seed) {
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be >= 1: " + neurons);
        }
        float[] w = new float[DiehlCook.INPUTS * neurons];
        SplittableRandom rng = Seeds.stream(seed, STREAM_INIT_WEIGHTS);
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) ((rng.nextDouble() + DiehlCook.W_INIT_OFFSET) * DiehlCook.W_INIT_SCALE);
        }
        double[] theta = new double[neurons];
        Arrays.fill(theta, DiehlCook.THETA_INIT);
        SynapticDelays delays = SynapticDelays.random(DiehlCook.INPUTS, neurons, Seeds.stream(seed, STREAM_DELAYS));
        return new SnnModel(neurons, seed, new FloatSynapseStore(DiehlCook.INPUTS, neurons, w), theta, delays, null, 0);
    }

    public int neurons() {
        return neurons;
    }

    public long seed() {
        return seed;
    }

    public SynapseStore weights() {
        return weights;
    }

    /** Replaces the weight store (e.g. by a storage-format-backed one holding the same weights). */
    public void setWeights(SynapseStore store) {
        if (store.rows() != DiehlCook.INPUTS || store.cols() != neurons) {
            throw new IllegalArgumentException("store is " + store.rows() + "x" + store.cols());
        }
        this.weights = store;
    }

    /** Adaptive thresholds (mV), live (training changes them). */
    public double[] theta() {
        return theta;
    }

    public SynapticDelays delays() {
        return delays;
    }

    /** Class of each neuron, -1 for a neuron that never responded; null before labelling. */
    public int[] labels() {
        return labels;
    }

    public void setLabels(int[] labels) {
        if (labels != null && labels.length != neurons) {
            throw new IllegalArgumentException("labels: " + labels.length + " for " + neurons + " neurons");
        }
        this.labels = labels;
    }

    /** Number of training images presented so far (= index of the next one). */
    public long imagesTrained() {
        return imagesTrained;
    }

    void setImagesTrained(long images) {
        this.imagesTrained = images;
    }

    /** A deep copy (weights store copied). */
    public SnnModel copy() {
        return new SnnModel(neurons, seed, weights.copy(), theta.clone(), delays,
                labels == null ? null : labels.clone(), imagesTrained);
    }
}
