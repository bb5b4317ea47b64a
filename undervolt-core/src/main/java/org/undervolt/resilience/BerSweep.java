package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * Monte-Carlo accuracy-versus-BER sweep: at every grid BER, {@code trials} independent error draws.
 *
 * <p>Trial {@code t} at BER {@code b} draws from {@code Seeds.stream(seed, bits(b), t)}, so a point
 * does not depend on the rest of the grid, on the order of evaluation or on the thread count.
 */
public final class BerSweep {

    /** Called after each finished point; for progress displays. */
    @FunctionalInterface
    public interface Listener {
        void pointDone(int index, int total, CurvePoint point);
    }

    private final long seed;
    private final int trials;

    public BerSweep(long seed, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1: " + trials);
        }
        this.seed = seed;
        this.trials = trials;
    }

    /** The task ids a trial's random stream derives from, after the master seed. */
    public static long[] trialIds(double ber, int trial) {
        return new long[] {Double.doubleToLongBits(ber), trial};
    }

    /** The random stream of one trial. */
    public SplittableRandom trialStream(double ber, int trial) {
        return Seeds.stream(seed, trialIds(ber, trial));
    }

    public List<CurvePoint> run(double[] grid, TrialEvaluator evaluator, Listener listener) {
        return run(grid, evaluator, listener, TrialStore.NONE);
    }

    /** As {@link #run(double[], TrialEvaluator, Listener)}, skipping the trials {@code store} already holds. */
    public List<CurvePoint> run(double[] grid, TrialEvaluator evaluator, Listener listener, TrialStore store) {
        List<CurvePoint> curve = new ArrayList<>(grid.length);
        for (int i = 0; i < grid.length; i++) {
            double ber = grid[i];
            double[] acc = new double[trials];
            for (int t = 0; t < trials; t++) {
                OptionalDouble done = store.lookup(ber, t);
                if (done.isPresent()) {
                    acc[t] = done.getAsDouble();
                } else {
                    acc[t] = evaluator.accuracy(ber, trialStream(ber, t));
                    store.record(ber, t, acc[t]);
                }
            }
            CurvePoint p = new CurvePoint(ber, acc);
            curve.add(p);
            listener.pointDone(i, grid.length, p);
        }
        return curve;
    }
}
