package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnModel;
import org.undervolt.storage.Formats;

class SnnFaultAwareTrainerTest {
    private static final ImageDataset DATA = SyntheticDatasets.separableBlobs(20, 28, 28, 4, 9);

    private static SnnFaultAwareTrainer.Config config(double... bers) {
        return new SnnFaultAwareTrainer.Config(bers, 4, 2, Formats.byName("fp32"), UniformErrorModel::new, 5);
    }

    private static float[] weights(SnnModel m) {
        float[] w = new float[DiehlCook.INPUTS * m.neurons()];
        m.weights().readAll(w);
        return w;
    }

    @Test
    void stepsRiseByTheFactorUpToTheMaximum() {
        assertThat(SnnFaultAwareTrainer.steps(1e-5, 10, 1e-3)).hasSize(3).containsExactly(new double[] {1e-5, 1e-4, 1e-3},
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(SnnFaultAwareTrainer.steps(1e-4, 2, 1e-3)).hasSize(4);
    }

    @Test
    void clampKeepsWeightsInTheValidRange() {
        float[] w = {-1f, 0.5f, 2f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, 1f};
        SnnFaultAwareTrainer.clamp(w);
        assertThat(w).containsExactly(0f, 0.5f, 1f, 0f, 1f, 0f, 0f, 1f);
    }

    @Test
    void errorsAreInjectedAndWeightsStayInRange() {
        SnnModel base = SnnModel.initial(6, 3);
        SnnModel clean = new SnnFaultAwareTrainer(config(0, 0)).train(base, DATA, null, 0, null);
        long[] flips = {0};
        SnnModel faulty = new SnnFaultAwareTrainer(config(1e-3, 1e-2)).train(base, DATA, null, 0,
                (g, ber, f) -> flips[0] = Math.max(flips[0], f));
        // 784 x 6 FP32 weights = 150,528 bits; at 1e-2 about 1,500 flips per injection.
        assertThat(flips[0]).isBetween(1200L, 1800L);
        assertThat(weights(faulty)).isNotEqualTo(weights(clean));
        for (float v : weights(faulty)) {
            assertThat(v).isBetween(0f, (float) DiehlCook.W_MAX);
        }
        assertThat(faulty.imagesTrained()).isEqualTo(base.imagesTrained() + 8);
    }

    @Test
    void errorsAreReadNotStoredSoTheyDoNotAccumulate() {
        // At BER 5e-2 about 7,500 of the 150,528 stored bits would flip per injection; had they been written back
        // (the old design) a quarter of the FP32 weights would be corrupted after 4 reads. Read-only errors leave
        // the stored copy close to the control, which saw the same images without flips.
        SnnModel base = SnnModel.initial(6, 3);
        SnnFaultAwareTrainer.Config fat = config(5e-2, 5e-2);
        SnnModel control = new SnnFaultAwareTrainer(fat.control()).train(base, DATA, null, 0, null);
        SnnModel faulty = new SnnFaultAwareTrainer(fat).train(base, DATA, null, 0, null);
        float[] a = weights(faulty);
        float[] b = weights(control);
        float[] w0 = weights(base);
        int far = 0;
        int moved = 0;
        for (int i = 0; i < a.length; i++) {
            far += Math.abs(a[i] - b[i]) > 0.25f ? 1 : 0;
            moved += Math.abs(b[i] - w0[i]) > 0f ? 1 : 0;
        }
        assertThat(moved).isGreaterThan(a.length / 2); // the control did learn
        assertThat(far).isLessThan(a.length / 100);
        assertThat(fat.control().bers()).containsOnly(0.0);
        assertThat(fat.control().totalImages()).isEqualTo(fat.totalImages());
    }

    @Test
    void stdpChangeGoesToTheStoredCopyWithinTheRange() {
        float[] stored = {0.2f, 0.9f, 0.05f, 0.5f};
        float[] before = {0.2f, 1.0f, 0.0f, 0.7f}; // read copy: the second and third weights were read wrong
        float[] after = {0.3f, 1.0f, 0.0f, 0.4f};
        SnnFaultAwareTrainer.addChange(stored, before, after);
        assertThat(stored).containsExactly(new float[] {0.3f, 0.9f, 0.05f, 0.2f}, org.assertj.core.data.Offset.offset(1e-6f));
        float[] edge = {0.95f, 0.05f};
        SnnFaultAwareTrainer.addChange(edge, new float[] {0f, 0.5f}, new float[] {0.2f, 0.3f});
        assertThat(edge).containsExactly(1f, 0f);
    }

    @Test
    void aKilledRunResumesBitIdentical(@TempDir Path dir) {
        SnnModel base = SnnModel.initial(6, 3);
        SnnModel whole = new SnnFaultAwareTrainer(config(1e-3, 1e-2, 1e-1)).train(base, DATA, null, 0, null);
        Path cp = dir.resolve("fat.ckpt");
        assertThatThrownBy(() -> new SnnFaultAwareTrainer(config(1e-3, 1e-2, 1e-1)).train(base, DATA, cp, 3,
                (g, ber, f) -> {
                    if (g == 7) {
                        throw new IllegalStateException("killed");
                    }
                })).hasMessage("killed");
        SnnModel resumed = new SnnFaultAwareTrainer(config(1e-3, 1e-2, 1e-1)).train(base, DATA, cp, 3, null);
        assertThat(weights(resumed)).isEqualTo(weights(whole));
        assertThat(resumed.theta()).isEqualTo(whole.theta());
        assertThat(resumed.imagesTrained()).isEqualTo(whole.imagesTrained());
    }
}
