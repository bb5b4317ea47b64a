package org.undervolt.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

class SoftmaxTest {

    @Test
    void knownValuesAndRowsSumToOne() {
        Tensor x = new Tensor(new int[] {2, 3}, new float[] {0f, 0f, (float) Math.log(2), 1000f, 1000f, 1000f});
        float[] y = new Softmax("s").forward(x, ForwardContext.inference(0), null).data();
        assertThat(y[0]).isCloseTo(0.25f, within(1e-7f));
        assertThat(y[2]).isCloseTo(0.5f, within(1e-7f));
        assertThat(y[3] + y[4] + y[5]).isCloseTo(1f, within(1e-6f));
        assertThat(y[4]).isCloseTo(1f / 3, within(1e-7f));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.check(new Softmax("s"), GradientCheck.input(3, 4, 7), 5, 1e-2, 2e-3);
    }
}
