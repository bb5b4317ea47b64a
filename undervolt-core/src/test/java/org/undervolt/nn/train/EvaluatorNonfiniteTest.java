package org.undervolt.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;

/**
 * The explicit rule for non-finite outputs (issue 11): a row with a NaN logit is a wrong
 * prediction, a row with infinities but no NaN is classified by float order, and both are counted.
 */
class EvaluatorNonfiniteTest {
    /** Two 1x1 images, pixel 255 (x = 1) and pixel 0 (x = 0), labelled 0 and 1. */
    private static final ImageDataset TWO = new ImageDataset("two", 1, 1, new byte[] {(byte) 255, 0},
            new byte[] {0, 1}, 3);

    /** A 1 -> 3 dense layer: logits = w * x + b. */
    private static Sequential oneLayer(float w0, float w1, float w2) {
        Sequential m = new Sequential(new int[] {1}, List.of(new Dense("d", 1, 3)));
        System.arraycopy(new float[] {w0, w1, w2}, 0, m.parameter("d.weight").data(), 0, 3);
        System.arraycopy(new float[] {0f, 0.5f, 0f}, 0, m.parameter("d.bias").data(), 0, 3);
        return m;
    }

    @Test
    void finiteOutputsAreNotCounted() {
        Evaluation e = Evaluator.evaluate(oneLayer(1f, 0f, 0f), TWO, LayerHooks.NONE);
        // x = 1: logits (1, .5, 0) -> class 0, right; x = 0: (0, .5, 0) -> class 1, right.
        assertThat(e).isEqualTo(new Evaluation(2, 2, 0));
    }

    @Test
    void infiniteLogitIsOrderedAndCounted() {
        // x = 1: (+Inf, .5, 0) -> class 0, right, non-finite. x = 0: 0 * Inf = NaN -> wrong, non-finite.
        Evaluation e = Evaluator.evaluate(oneLayer(Float.POSITIVE_INFINITY, 0f, 0f), TWO, LayerHooks.NONE);
        assertThat(e).isEqualTo(new Evaluation(2, 1, 2));
        assertThat(Evaluator.predict(oneLayer(Float.POSITIVE_INFINITY, 0f, 0f), TWO, LayerHooks.NONE))
                .containsExactly(0, -1);
    }

    @Test
    void nanLogitIsWrongEvenWhenTheRestPointsAtTheLabel() {
        // x = 1: (1, .5, NaN): the finite logits say class 0 (the label), but the row is wrong.
        Evaluation e = Evaluator.evaluate(oneLayer(1f, 0f, Float.NaN), TWO, LayerHooks.NONE);
        assertThat(e).isEqualTo(new Evaluation(2, 0, 2));
        assertThat(e.accuracy()).isZero();
    }

    @Test
    void negativeInfinityEverywhereIsCountedAndFallsToTheFirstClass() {
        Sequential m = oneLayer(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        // x = 1: all -Inf -> first class (0), right; x = 0: NaN -> wrong.
        assertThat(Evaluator.evaluate(m, TWO, LayerHooks.NONE)).isEqualTo(new Evaluation(2, 1, 2));
    }
}
