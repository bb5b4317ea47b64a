package org.undervolt.resilience;

import java.util.List;

/**
 * Where the Monte-Carlo trials of a tolerance search run: in this JVM ({@link #LOCAL}, the default), or
 * elsewhere, e.g. as Spark tasks ({@code undervolt-spark}, found at run time by {@link TrialExecutors}).
 * The search hands over a batch of independent trials of one point and gets their results back in order;
 * since a trial's errors come from its {@link TrialSeed} alone and a model built from a {@link TrialRecipe}
 * equals the driver's, the results are the same bits wherever they ran.
 *
 * <p>The unit of distribution: a full point is one task per trial; a sequential point
 * ({@link SequentialPoint}) is, per look, one task per trial on the look's chunk of images, so the
 * stopping rule sees exactly the chunks it would see locally.
 */
public interface TrialExecutor extends AutoCloseable {

    /** In this JVM, one trial after another (each evaluation parallel inside). */
    TrialExecutor LOCAL = new LocalTrialExecutor();

    /** Where the trials run, for reports: {@code local}, or e.g. the Spark master URL. */
    String where();

    /** The full trials {@code seeds} of {@code trials} at {@code ber}, in order; {@code eachDone} runs after each. */
    List<TrialEvaluator.Outcome> full(TargetTrials trials, double ber, List<TrialSeed> seeds, Runnable eachDone);

    /** The paired trials {@code seeds} of {@code trials} at {@code ber}, looked at chunk by chunk of {@code order}. */
    SequentialPoint.Rounds rounds(TargetTrials trials, double ber, List<TrialSeed> seeds, int[] order);

    /** Releases what the executor holds (a Spark context); the local one holds nothing. */
    @Override
    default void close() {
    }
}
