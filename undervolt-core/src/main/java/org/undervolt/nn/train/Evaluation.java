package org.undervolt.nn.train;

/**
 * The outcome of one pass over a data set.
 *
 * @param images    images evaluated
 * @param correct   images whose prediction equals the label
 * @param nonfinite images whose output row held a NaN or an infinity (from corrupted weights or
 *                  activations); a row with a NaN is always wrong, a row with infinities but no NaN
 *                  is classified by ordinary float comparison
 */
public record Evaluation(int images, int correct, int nonfinite) {

    /** Fraction classified correctly (0 for an empty set). */
    public float accuracy() {
        return images == 0 ? 0f : (float) correct / images;
    }
}
