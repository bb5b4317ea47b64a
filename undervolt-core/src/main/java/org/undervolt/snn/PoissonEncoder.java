package org.undervolt.snn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns an image into Poisson spike trains, one per pixel, for one presentation.
 *
 * <p>Pixel {@code x} (0..255) fires at {@code x / 8 * intensity} Hz (Diehl and Cook 2015; 63.75 Hz
 * at intensity 2). The original's Poisson group fires in each 0.5 ms step with probability
 * {@code p = rate * dt}, independently. Drawing one uniform per pixel per step would cost
 * 784 x 700 draws per image; this encoder draws the same process event by event instead: the gap
 * between two spikes of a Bernoulli(p) process is geometric, {@code floor(ln U / ln(1-p))} steps,
 * so the work is one draw per spike (plus one per non-zero pixel). Black pixels cost nothing.
 *
 * <p>The result is held in this object (reused between calls): the spiking inputs of step
 * {@code s} are {@code inputs()[stepStart()[s] .. stepStart()[s+1])}, in increasing pixel order.
 * Not thread-safe; use one encoder per thread.
 */
public final class PoissonEncoder {
    private final int steps;
    private final int[] stepStart;
    private final int[] perStep;
    private int[] inputs = new int[4096];
    private int[] scratchStep = new int[4096];
    private int[] scratchInput = new int[4096];
    private int count;
    private int[] inputStart = new int[0];
    private int[] inputFill = new int[0];
    private int[] stepsByInput = new int[4096];
    /** Whether {@link #inputStart} and {@link #stepsByInput} describe the last encoding (made when asked for). */
    private boolean grouped;
    private final double[] logQ = new double[256];
    private double logQIntensity = Double.NaN;

    public PoissonEncoder() {
        this(DiehlCook.STEPS);
    }

    public PoissonEncoder(int steps) {
        this.steps = steps;
        this.stepStart = new int[steps + 1];
        this.perStep = new int[steps];
    }

    /** Spike probability per step of a pixel value at an intensity. */
    public static double probability(int pixel, double intensity) {
        return pixel / DiehlCook.RATE_DIVISOR * intensity * DiehlCook.DT / 1000.0;
    }

    /**
     * Encodes {@code size} pixels from {@code pixels[offset..]} at {@code intensity}, drawing from
     * {@code rng}; returns the number of input spikes.
     */
    public int encode(byte[] pixels, int offset, int size, double intensity, SplittableRandom rng) {
        if (Double.doubleToLongBits(intensity) != Double.doubleToLongBits(logQIntensity)) {
            for (int v = 1; v < 256; v++) {
                double p = probability(v, intensity);
                logQ[v] = p >= 1.0 ? Double.NEGATIVE_INFINITY : Math.log1p(-p);
            }
            logQIntensity = intensity;
        }
        count = 0;
        Arrays.fill(perStep, 0);
        for (int i = 0; i < size; i++) {
            int v = pixels[offset + i] & 0xFF;
            if (v == 0) {
                continue;
            }
            double lq = logQ[v];
            long s = -1;
            while (true) {
                long gap = lq == Double.NEGATIVE_INFINITY ? 0 : (long) (Math.log(1.0 - rng.nextDouble()) / lq);
                s += gap + 1;
                if (s >= steps) {
                    break;
                }
                add((int) s, i);
            }
        }
        sortByStep();
        return count;
    }

    /** Counting sort by step; within a step the pixel order is kept. */
    private void sortByStep() {
        int acc = 0;
        for (int s = 0; s < steps; s++) {
            stepStart[s] = acc;
            acc += perStep[s];
        }
        stepStart[steps] = acc;
        if (inputs.length < count) {
            inputs = new int[scratchInput.length];
        }
        int[] fill = perStep;
        for (int s = 0; s < steps; s++) {
            fill[s] = stepStart[s];
        }
        for (int k = 0; k < count; k++) {
            inputs[fill[scratchStep[k]]++] = scratchInput[k];
        }
        grouped = false; // grouped by input when learning asks for it (inference never does)
    }

    /** Counting sort of the step-ordered spikes by input: each input's steps come out ascending. */
    private void groupByInput() {
        if (grouped) {
            return;
        }
        grouped = true;
        int top = 0;
        for (int k = 0; k < count; k++) {
            top = Math.max(top, inputs[k] + 1);
        }
        if (inputStart.length < top + 1) {
            inputStart = new int[top + 1];
            inputFill = new int[top + 1];
        }
        Arrays.fill(inputStart, 0);
        for (int k = 0; k < count; k++) {
            inputStart[inputs[k] + 1]++;
        }
        for (int i = 1; i < inputStart.length; i++) {
            inputStart[i] += inputStart[i - 1];
        }
        if (stepsByInput.length < count) {
            stepsByInput = new int[scratchInput.length];
        }
        int[] fill = inputFill;
        System.arraycopy(inputStart, 0, fill, 0, inputStart.length);
        for (int s = 0; s < steps; s++) {
            for (int q = stepStart[s]; q < stepStart[s + 1]; q++) {
                stepsByInput[fill[inputs[q]]++] = s;
            }
        }
    }

    /** Test hook: sets the spike trains directly ({@code steps[k]} ascending is not required). */
    void setSpikes(int[] steps, int[] spikingInputs) {
        count = 0;
        Arrays.fill(perStep, 0);
        for (int k = 0; k < steps.length; k++) {
            add(steps[k], spikingInputs[k]);
        }
        sortByStep();
    }

    private void add(int step, int input) {
        if (count == scratchStep.length) {
            scratchStep = Arrays.copyOf(scratchStep, count * 2);
            scratchInput = Arrays.copyOf(scratchInput, count * 2);
        }
        scratchStep[count] = step;
        scratchInput[count] = input;
        count++;
        perStep[step]++;
    }

    /** Offsets into {@link #inputs()} per step (length steps+1). */
    public int[] stepStart() {
        return stepStart;
    }

    /** The spiking input indices, grouped by step. */
    public int[] inputs() {
        return inputs;
    }

    /**
     * Offsets into {@link #stepsByInput()} per input: input {@code i}'s spike steps are
     * {@code stepsByInput()[inputStart()[i] .. inputStart()[i+1])}, ascending. Inputs at or past
     * {@code inputStart().length - 1} did not spike.
     */
    public int[] inputStart() {
        groupByInput();
        return inputStart;
    }

    /** The spike steps, grouped by input (see {@link #inputStart()}). */
    public int[] stepsByInput() {
        groupByInput();
        return stepsByInput;
    }

    /** Number of spikes of the last encoding. */
    public int count() {
        return count;
    }

    public int steps() {
        return steps;
    }
}
