package org.undervolt.resilience;

/**
 * A network with its stored data and test images, ready to run tolerance trials: a full trial
 * ({@link TrialEvaluator}) or a paired one ({@link PairedTrials}) of any {@link TrialFamily}.
 * {@link NetworkEvaluator} (DNN) and {@link SnnStoredTrials} (SNN) are the two.
 */
public interface TrialModel {

    /** Full trials of {@code family}: one error draw, every test image. */
    TrialEvaluator evaluator(TrialFamily family);

    /** Paired trials of {@code family}, compared image by image with the error-free predictions. */
    PairedTrials paired(TrialFamily family);

    /**
     * Whether the paired trials of {@code family} depend on where an image lies in the order
     * ({@link PairedTrials#orderDependent()}); answered without building them. False by default.
     */
    default boolean orderDependent(TrialFamily family) {
        return false;
    }

    /**
     * Paired trials of {@code family} as a full search evaluates them in order ({@link #orderDependent}): the same
     * draws and predictions as {@link #paired}, which may take a shortcut where this evaluates in full; by default
     * {@link #paired} itself.
     */
    default PairedTrials reference(TrialFamily family) {
        return paired(family);
    }
}
