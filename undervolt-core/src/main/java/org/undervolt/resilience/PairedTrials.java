package org.undervolt.resilience;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.train.Evaluator;

/**
 * Trials of one network that can be evaluated on any subset of its test images and compared, image by
 * image, with the error-free network's predictions (cached once): a trial's loss on the test set is
 * {@code (lost - gained) / N}, where lost images were right without errors and are wrong with them and
 * gained images the reverse, so changed predictions bound the loss of a trial far more tightly than
 * two independently measured accuracies.
 *
 * <p>The seam of a trial: {@link #open} is a pure function of (network, error setting, the trial's random
 * stream), and {@link Trial#correct} of that and the image indices, so trials and chunks of images can run
 * anywhere, in any order, with the same bits.
 */
public interface PairedTrials {

    /** Test images {@code N} (indices 0..N-1). */
    int images();

    /** Whether the error-free network classifies image {@code i} correctly (cached). */
    boolean cleanCorrect(int i);

    /** Error-free accuracy over all {@link #images()} (cached). */
    default double cleanAccuracy() {
        int c = 0;
        for (int i = 0; i < images(); i++) {
            c += cleanCorrect(i) ? 1 : 0;
        }
        return (double) c / images();
    }

    /**
     * Draws one trial's errors at {@code ber} from {@code rng}, consuming it exactly as the full evaluation
     * of the same trial does, so both modes see the same flipped weights.
     */
    Trial open(double ber, SplittableRandom rng);

    /**
     * Whether a trial's outcome on an image depends on where the image lies in the order, e.g. IFM errors drawn
     * per batch of positions: then a full evaluation visits the images in the order a sequential one does
     * ({@link ToleranceSearch}), so both see the same draws on every image. False by default.
     */
    default boolean orderDependent() {
        return false;
    }

    /**
     * How a draw's errors travel through the network: {@code full} (every layer of every image), {@code weight-delta}
     * ({@link IncrementalTrials}) or {@code ifm-delta} ({@link IfmDeltaTrials}); stored with the trials' point where
     * it is not {@code full}. The same predictions whichever.
     */
    default String propagation() {
        return "full";
    }

    /** One error draw. */
    interface Trial {
        /**
         * Whether each of the images {@code order[from..to)} is classified correctly under this draw, and
         * how many of them met a non-finite value; positions {@code from..to} of {@code order} identify the
         * images' batches (so IFM errors depend on the position, never on the thread that runs it).
         */
        Chunk correct(int[] order, int from, int to);

        /**
         * Where a chunk may be cut: evaluated as pieces {@code [from + k s, from + (k + 1) s)} with
         * {@code s = split()}, it gives the same bits as in one call (so pieces of several trials can share the
         * cores); 0 when it may not be cut.
         */
        default int split() {
            return 0;
        }
    }

    /**
     * @param correct   per image of the chunk, in order
     * @param nonfinite images (DNN) or weights (SNN, counted once per trial) that met a NaN or an infinity,
     *                  or {@link TrialEvaluator.Outcome#NOT_COUNTED}
     */
    record Chunk(boolean[] correct, int nonfinite) {

        /**
         * Positions {@code from..to} of {@code order} evaluated batch by batch ({@link Evaluator#BATCH} positions,
         * the batches spread over the cores): each batch fills its rows of {@code correct} and counts its non-finite
         * outputs.
         */
        static Chunk inBatches(int[] order, int from, int to, BatchEvaluation evaluation) {
            boolean[] correct = new boolean[to - from];
            AtomicInteger nonfinite = new AtomicInteger();
            int batch = Evaluator.BATCH;
            Parallel.forEach((to - from + batch - 1) / batch, b -> {
                int lo = from + b * batch;
                int hi = Math.min(to, lo + batch);
                nonfinite.addAndGet(evaluation.evaluate(order, lo, hi, correct, lo - from));
            });
            return new Chunk(correct, nonfinite.get());
        }
    }

    /** One batch of a chunk: positions {@code lo..hi} of {@code order} into {@code correct} from {@code offset}. */
    @FunctionalInterface
    interface BatchEvaluation {
        /** Returns the rows with a non-finite output. */
        int evaluate(int[] order, int lo, int hi, boolean[] correct, int offset);
    }
}
