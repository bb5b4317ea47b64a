package org.undervolt.snn;

import java.util.SplittableRandom;

/**
 * The fixed transmission delay of every input-to-excitatory synapse, in time steps.
 *
 * <p>The original draws each delay uniformly from [0, 10] ms ({@code delay['ee_input']}); here it
 * is rounded to the 0.5 ms step, giving 0..20 steps. For event-driven delivery the synapses of each
 * input are kept grouped by delay: {@code targets(i)[bucketStart(i, d) .. bucketStart(i, d+1))} are
 * the excitatory neurons that input {@code i} reaches exactly {@code d} steps after it spikes.
 */
public final class SynapticDelays {
    private final int inputs;
    private final int neurons;
    private final int maxDelay;
    private final byte[] delays;
    private final int[] bucketStart;
    private final int[] targets;
    private final int[] slotOffsets;
    private final char[] positions;

    /** Builds the index from explicit delays (row-major {@code inputs x neurons}, each 0..maxDelay). */
    public SynapticDelays(int inputs, int neurons, int maxDelay, byte[] delays) {
        if (delays.length != (long) inputs * neurons) {
            throw new IllegalArgumentException("delays: expected " + inputs * neurons + ", got " + delays.length);
        }
        this.inputs = inputs;
        this.neurons = neurons;
        this.maxDelay = maxDelay;
        this.delays = delays;
        this.bucketStart = new int[inputs * (maxDelay + 2)];
        this.targets = new int[inputs * neurons];
        int[] fill = new int[maxDelay + 1];
        for (int i = 0; i < inputs; i++) {
            int[] counts = new int[maxDelay + 1];
            for (int j = 0; j < neurons; j++) {
                int d = delays[i * neurons + j];
                if (d < 0 || d > maxDelay) {
                    throw new IllegalArgumentException("delay " + d + " outside 0.." + maxDelay);
                }
                counts[d]++;
            }
            int base = i * (maxDelay + 2);
            int acc = i * neurons;
            for (int d = 0; d <= maxDelay; d++) {
                bucketStart[base + d] = acc;
                fill[d] = acc;
                acc += counts[d];
            }
            bucketStart[base + maxDelay + 1] = acc;
            for (int j = 0; j < neurons; j++) {
                targets[fill[delays[i * neurons + j]]++] = j;
            }
        }
        this.positions = new char[inputs * neurons];
        for (int r = 0; r < targets.length; r++) {
            int row = r / neurons * neurons;
            positions[row + targets[r]] = (char) (r - row);
        }
        this.slotOffsets = new int[inputs * neurons];
        for (int i = 0; i < inputs; i++) {
            for (int d = 0; d <= maxDelay; d++) {
                for (int r = bucketStart(i, d); r < bucketStart(i, d + 1); r++) {
                    slotOffsets[r] = d * neurons + targets[r];
                }
            }
        }
    }

    /** Delays drawn as in the original (uniform 0..10 ms, rounded to 0.5 ms) from {@code rng}. */
    public static SynapticDelays random(int inputs, int neurons, SplittableRandom rng) {
        int max = DiehlCook.MAX_DELAY_STEPS;
        byte[] d = new byte[inputs * neurons];
        for (int k = 0; k < d.length; k++) {
            d[k] = (byte) Math.round(rng.nextDouble() * max);
        }
        return new SynapticDelays(inputs, neurons, max, d);
    }

    public int inputs() {
        return inputs;
    }

    public int neurons() {
        return neurons;
    }

    public int maxDelay() {
        return maxDelay;
    }

    /** The delay of synapse {@code (input, neuron)} in steps. */
    public int delay(int input, int neuron) {
        return delays[input * neurons + neuron];
    }

    /** The raw delays, row-major (do not modify). */
    byte[] raw() {
        return delays;
    }

    /**
     * The weights {@code w} (row-major inputs x neurons) in this index's order: entry {@code r} is the
     * weight of the synapse to {@code targets()[r]}. Inference reads weights sequentially from it.
     */
    public float[] byDelay(float[] w) {
        return byDelay(w, new float[targets.length]);
    }

    /** As {@link #byDelay(float[])}, into {@code out}; returns it. */
    public float[] byDelay(float[] w, float[] out) {
        for (int i = 0; i < inputs; i++) {
            int row = i * neurons;
            for (int r = row; r < row + neurons; r++) {
                out[r] = w[row + targets[r]];
            }
        }
        return out;
    }

    /** The inverse of {@link #byDelay(float[], float[])}: row-major weights from delay-ordered ones, into {@code out}. */
    public float[] rowMajor(float[] byDelay, float[] out) {
        for (int i = 0; i < inputs; i++) {
            int row = i * neurons;
            for (int r = row; r < row + neurons; r++) {
                out[row + targets[r]] = byDelay[r];
            }
        }
        return out;
    }

    /** Start of input {@code i}'s bucket for delay {@code d} in {@link #targets()}; {@code d} may be maxDelay+1. */
    int bucketStart(int i, int d) {
        return bucketStart[i * (maxDelay + 2) + d];
    }

    int[] bucketStarts() {
        return bucketStart;
    }

    int[] targets() {
        return targets;
    }

    /**
     * Where synapse {@code (i, j)} sits in delay order, relative to its row: entry {@code i * N + j} is
     * {@code r - i * N} for the {@code r} with {@code targets()[r] == j} in input {@code i}'s row.
     */
    char[] positions() {
        return positions;
    }

    /** For entry {@code r} of {@link #targets()}: {@code delay * neurons + target}, its place in a delay buffer. */
    int[] slotOffsets() {
        return slotOffsets;
    }
}
