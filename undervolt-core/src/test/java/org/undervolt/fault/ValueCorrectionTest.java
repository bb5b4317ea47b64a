package org.undervolt.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FloatFormat;
import org.undervolt.storage.SequentialPlacement;

class ValueCorrectionTest {

    @Test
    void boundZeroesOutOfRangeAndNonFiniteValuesClipClamps() {
        float[] v = {0.5f, -2f, 3f, Float.NaN, Float.POSITIVE_INFINITY, -0.25f};
        float[] b = v.clone();
        assertThat(new ValueCorrection.Bound(-1f, 1f).apply(b)).isEqualTo(4);
        assertThat(b).containsExactly(0.5f, 0f, 0f, 0f, 0f, -0.25f);
        float[] c = v.clone();
        assertThat(ValueCorrection.Clip.symmetric(1f).apply(c)).isEqualTo(4);
        assertThat(c).containsExactly(0.5f, -1f, 1f, 0f, 1f, -0.25f);
        assertThat(ValueCorrection.NONE.apply(v.clone())).isZero();
    }

    @Test
    void edenBoundingRemovesExplodedFp32WeightsAndKeepsCleanOnes() {
        float[] w = new float[4096];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 0.1f;
        }
        DramImage clean = DramImage.builder(new SequentialPlacement(DramGeometry.lpddr3x32()))
                .add("w", new int[] {w.length}, w, FloatFormat.FP32).build();
        ProfiledRanges ranges = ProfiledRanges.of(clean);
        float[] cleanValues = clean.decode("w");
        assertThat(ranges.bound("w").apply(cleanValues.clone())).isZero();
        DramImage trial = clean.copy();
        Injector.inject(trial, new UniformErrorModel(1e-3), Seeds.stream(1, 0));
        float[] noisy = trial.decode("w");
        double maxBefore = 0;
        for (float x : noisy) {
            maxBefore = Math.max(maxBefore, Float.isNaN(x) ? Double.POSITIVE_INFINITY : Math.abs(x));
        }
        assertThat(maxBefore).isGreaterThan(1); // some exponent bit flipped upwards
        int changed = ranges.bound("w").apply(noisy);
        assertThat(changed).isPositive();
        float[] r = ranges.range("w");
        for (float x : noisy) {
            assertThat(x).isBetween(r[0], r[1]);
        }
    }
}
