package org.undervolt.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

class DenseTest {

    @Test
    void computesXWtPlusB() {
        Dense d = new Dense("d", 3, 2);
        System.arraycopy(new float[] {1, 2, 3, -1, 0, 1}, 0, d.weight().data(), 0, 6);
        System.arraycopy(new float[] {0.5f, -2}, 0, d.bias().data(), 0, 2);
        Tensor x = new Tensor(new int[] {2, 3}, new float[] {1, 1, 1, 2, 0, -1});
        Tensor y = d.forward(x, ForwardContext.inference(0), null);
        assertThat(y.shape()).containsExactly(2, 2);
        assertThat(y.data()).containsExactly(6.5f, -2f, -0.5f, -5f);
    }

    @Test
    void heInitialisationHasVarianceTwoOverFanIn() {
        Dense d = new Dense("d", 400, 300);
        d.initialize(new SplittableRandom(3));
        double sum = 0;
        double sq = 0;
        for (float w : d.weight().data()) {
            sum += w;
            sq += w * w;
        }
        int n = d.weight().size();
        double mean = sum / n;
        double var = sq / n - mean * mean;
        // 120,000 draws: the sample variance is within 2% of 2/400 with overwhelming probability
        assertThat(var).isCloseTo(2.0 / 400, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(Math.abs(mean)).isLessThan(5 * Math.sqrt(2.0 / 400 / n));
        assertThat(d.bias().data()).containsOnly(0f);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Dense d = new Dense("d", 37, 19);
        d.initialize(new SplittableRandom(1));
        GradientCheck.check(d, GradientCheck.input(2, 5, 37), 3, 1e-2, 2e-3);
    }

    @Test
    void reluGradientsMatchFiniteDifferences() {
        GradientCheck.check(new Relu("r"), GradientCheck.input(4, 3, 10), 5, 1e-2, 1e-4);
    }

    @Test
    void copyIsDeep() {
        Dense d = new Dense("d", 4, 3);
        d.initialize(new SplittableRandom(9));
        Dense c = d.copy();
        assertThat(c.weight().data()).containsExactly(d.weight().data());
        c.weight().data()[0] += 1;
        assertThat(c.weight().data()[0]).isNotEqualTo(d.weight().data()[0]);
    }
}
