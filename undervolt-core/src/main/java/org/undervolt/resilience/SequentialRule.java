package org.undervolt.resilience;

import org.undervolt.InvalidInputException;

/**
 * How a sequential point evaluation spends its images and its error budget.
 *
 * <p>A search of at most {@code P} points with {@code T} trials each gives every trial's confidence
 * sequence the level {@code alpha / (P T)}: by the union bound, the chance that any point of the search is
 * decided otherwise than the full test set would decide it is at most {@code alpha}. The acceptance rule's
 * own confidence (e.g. the 95% Student-t bound over error draws) is unchanged and applies to the decisions
 * that are reproduced; the two are stated side by side in every result.
 *
 * @param alpha     chance, per search, that a sequential decision differs from the full test set's
 * @param chunk     images each trial evaluates between two looks at the evidence
 * @param orderSeed seed of the fixed random order in which the test images are visited
 */
public record SequentialRule(double alpha, int chunk, long orderSeed) {
    /** Default error budget of a search. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default images per chunk: two inference batches, so both cores of a small machine have one. */
    public static final int DEFAULT_CHUNK = 512;

    public SequentialRule {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("sequential alpha " + alpha + " is out of range: expected 0 < alpha < 1");
        }
        if (chunk < 1) {
            throw new InvalidInputException("sequential chunk " + chunk + " is out of range: expected >= 1");
        }
    }

    /** The defaults, with the image order drawn from {@code seed}. */
    public static SequentialRule of(long seed) {
        return new SequentialRule(DEFAULT_ALPHA, DEFAULT_CHUNK, seed);
    }

    /** The level of each trial's confidence sequence in a search of at most {@code points} points of {@code trials} trials. */
    public double trialAlpha(int points, int trials) {
        return alpha / ((double) points * trials);
    }

    /** How the method reads in reports. */
    public String describe() {
        return "sequential, paired with the error-free predictions: images in a fixed random order, chunks of "
                + chunk + ", stopped when empirical-Bernstein confidence sequences for sampling without replacement"
                + " (Waudby-Smith & Ramdas 2020) of every trial's lost and gained images settle the decision; each decision equals the"
                + " full test set's with probability >= " + (1 - alpha) + " per search (union bound over points and trials)";
    }
}
