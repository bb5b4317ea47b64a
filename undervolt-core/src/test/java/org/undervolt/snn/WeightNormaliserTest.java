package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightNormaliserTest {

    @Test
    void everyColumnSumsTo78AndKeepsItsProportions() {
        SnnModel m = SnnModel.initial(13, 5);
        float[] w = new float[784 * 13];
        m.weights().readAll(w);
        float[] before = w.clone();
        new WeightNormaliser().normalise(w, 784, 13);
        for (int j = 0; j < 13; j++) {
            double s = 0;
            for (int i = 0; i < 784; i++) {
                s += w[i * 13 + j];
            }
            assertThat(s).isCloseTo(78.0, within(1e-4));
            assertThat((double) w[100 * 13 + j] / w[200 * 13 + j])
                    .isCloseTo((double) before[100 * 13 + j] / before[200 * 13 + j], within(1e-5));
        }
    }

    @Test
    void zeroColumnStaysZero() {
        float[] w = new float[6];
        w[0] = 1;
        w[2] = 3; // column 0 = {1, 3}, column 1 = {0, 0}
        new WeightNormaliser(8).normalise(w, 2, 2);
        assertThat(w).containsExactly(2f, 0f, 6f, 0f, 0f, 0f);
    }
}
