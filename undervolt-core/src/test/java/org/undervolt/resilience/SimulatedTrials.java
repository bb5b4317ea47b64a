package org.undervolt.resilience;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Trials with a known loss, for testing the sequential rule: {@code n} images of which the error-free
 * network gets a fixed share right; a trial at BER {@code b} loses each right image with probability
 * {@code lose(b)} and gains each wrong one with probability {@code gain(b)}, drawn from the trial's stream
 * once, so the full evaluation ({@link #evaluate}) and the paired one ({@link #open}) see the same draw.
 */
final class SimulatedTrials implements PairedTrials, TrialEvaluator {
    private final boolean[] clean;
    private final DoubleUnaryOperator lose;
    private final DoubleUnaryOperator gain;

    SimulatedTrials(int n, double cleanAccuracy, DoubleUnaryOperator lose, DoubleUnaryOperator gain, long seed) {
        this.clean = new boolean[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            clean[i] = r.nextDouble() < cleanAccuracy;
        }
        this.lose = lose;
        this.gain = gain;
    }

    @Override
    public int images() {
        return clean.length;
    }

    @Override
    public boolean cleanCorrect(int i) {
        return clean[i];
    }

    /** The faulty correctness of every image under one draw. */
    boolean[] draw(double ber, SplittableRandom rng) {
        double l = lose.applyAsDouble(ber);
        double g = gain.applyAsDouble(ber);
        boolean[] f = new boolean[clean.length];
        for (int i = 0; i < f.length; i++) {
            double u = rng.nextDouble();
            f[i] = clean[i] ? u >= l : u < g;
        }
        return f;
    }

    @Override
    public Trial open(double ber, SplittableRandom rng) {
        boolean[] f = draw(ber, rng);
        return (order, from, to) -> {
            boolean[] c = new boolean[to - from];
            for (int k = from; k < to; k++) {
                c[k - from] = f[order[k]];
            }
            return new Chunk(c, TrialEvaluator.Outcome.NOT_COUNTED);
        };
    }

    @Override
    public double accuracy(double ber, SplittableRandom rng) {
        boolean[] f = draw(ber, rng);
        int c = 0;
        for (boolean b : f) {
            c += b ? 1 : 0;
        }
        return (double) c / f.length;
    }
}
