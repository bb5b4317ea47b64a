package org.undervolt.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.Formats;
import org.undervolt.storage.NumberFormat;
import org.undervolt.storage.SequentialPlacement;

class InjectorTest {
    private static final DramGeometry G = new DramGeometry(1, 1, 2, 2, 4, 32);

    private static DramImage image() {
        float[] a = new float[100];
        float[] b = new float[60];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13) - 6;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = i * 0.01f;
        }
        return DramImage.builder(new SequentialPlacement(G, 20))
                .add("a", new int[] {100}, a, Formats.INT8)
                .add("b", new int[] {6, 10}, b, Formats.INT8)
                .build();
    }

    @Test
    void spansFollowRowsOfThePlacement() {
        List<RowSpan> spans = Injector.spans(new SequentialPlacement(G, 20), 0, 160);
        assertThat(spans.get(0)).isEqualTo(new RowSpan(0, 12, 0, 0, 0, 20));
        assertThat(spans.get(1)).isEqualTo(new RowSpan(12, 44, 0, 0, 1, 0));
        assertThat(spans.get(4)).isEqualTo(new RowSpan(108, 140, 0, 1, 0, 0));
        assertThat(spans.get(spans.size() - 1).to()).isEqualTo(160);
        assertThat(spans.stream().mapToInt(RowSpan::length).sum()).isEqualTo(160);
    }

    @Test
    void restoreAndInjectIsRestoreThenInject() {
        DramImage clean = image();
        for (UniformErrorModel.Sampler sampler : UniformErrorModel.Sampler.values()) {
            UniformErrorModel model = new UniformErrorModel(0.05, sampler);
            DramImage separate = clean.copy();
            Injector.inject(separate, model, Seeds.stream(2, 7)); // stale errors from an earlier trial
            DramImage fused = separate.copy();
            separate.restoreFrom(clean);
            long n = Injector.inject(separate, model, Seeds.stream(3, 1));
            assertThat(Injector.restoreAndInject(fused, clean, model, Seeds.stream(3, 1))).isEqualTo(n).isPositive();
            assertThat(fused.bytes()).isEqualTo(separate.bytes());
        }
        DramImage other = DramImage.builder(new SequentialPlacement(G, 20))
                .add("a", new int[] {100}, new float[100], Formats.INT8).build();
        assertThatThrownBy(() -> Injector.restoreAndInject(other, clean, new UniformErrorModel(0.1), Seeds.stream(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tensorInjectionTouchesOnlyThatTensor() {
        DramImage clean = image();
        DramImage trial = clean.copy();
        long flips = Injector.inject(trial, "b", new UniformErrorModel(0.2), Seeds.stream(1, 0));
        assertThat(flips).isPositive();
        assertThat(trial.decode("a")).isEqualTo(clean.decode("a"));
        assertThat(trial.decode("b")).isNotEqualTo(clean.decode("b"));
        assertThat(clean.bytes()).isEqualTo(image().bytes());
    }

    @Test
    void transientValuesAreCorruptedInTheirStoredFormat() {
        float[] v = {1f, 2f, 3f, 4f};
        NumberFormat f = Formats.INT8.fit(v, new int[] {4});
        float[] quantised = f.decode(f.encode(v), 0, 4);
        float[] none = v.clone();
        assertThat(Injector.corruptValues(none, f, new UniformErrorModel(0), new java.util.SplittableRandom(1))).isZero();
        assertThat(none).isEqualTo(quantised);
        float[] all = v.clone();
        assertThat(Injector.corruptValues(all, f, new UniformErrorModel(1), new java.util.SplittableRandom(1))).isEqualTo(32);
        for (int i = 0; i < 4; i++) {
            // Every bit flipped: the INT8 code q becomes ~q = -q - 1.
            assertThat(all[i]).isCloseTo(-quantised[i] - 4f / 127, org.assertj.core.api.Assertions.within(1e-6f));
        }
        assertThatThrownBy(() -> Injector.corruptValues(v, f,
                new org.undervolt.dram.error.WordlineErrorModel(0.1, 0.1, org.undervolt.dram.error.WeakCells.perTrial()),
                new java.util.SplittableRandom(1))).hasMessageContaining("needs DRAM locations");
    }

    @Test
    void flipsSpreadOverTensorsInProportionToTheirBits() {
        DramImage clean = DramImage.builder(new SequentialPlacement(DramGeometry.lpddr3x32()))
                .add("small", new int[] {1000}, new float[1000], Formats.INT8)
                .add("large", new int[] {3000}, new float[3000], org.undervolt.storage.FloatFormat.FP16)
                .build();
        int split = clean.tensor("large").offset();
        assertThat(clean.size()).isEqualTo(1000 + 6000);
        long[] counts = new long[2];
        int trials = 1000;
        DramImage trial = clean.copy();
        for (int t = 0; t < trials; t++) {
            trial.restoreFrom(clean);
            Injector.inject(trial, 0, trial.size(), new UniformErrorModel(1e-3), Seeds.stream(6, t),
                    bit -> counts[(bit >>> 3) < split ? 0 : 1]++);
        }
        // Means 8 and 48 flips per trial; 5 sigma of the sum over trials.
        assertThat(Math.abs(counts[0] - 8.0 * trials)).isLessThan(5 * Math.sqrt(8.0 * trials));
        assertThat(Math.abs(counts[1] - 48.0 * trials)).isLessThan(5 * Math.sqrt(48.0 * trials));
    }

    @Test
    void trialLeavesTheCleanImageAlone() {
        DramImage clean = image();
        DramImage t = Injector.trial(clean, new UniformErrorModel(0.05), 9, 1);
        assertThat(clean.bytes()).isEqualTo(image().bytes());
        assertThat(t.bytes()).isNotEqualTo(clean.bytes());
        assertThat(Injector.trial(clean, new UniformErrorModel(0.05), 9, 1).bytes()).isEqualTo(t.bytes());
    }

    @Test
    void sameSeedAndTrialGiveTheSameImage() {
        DramImage x = image();
        DramImage y = image();
        long fx = Injector.inject(x, new UniformErrorModel(0.01), 42, 3, 7);
        long fy = Injector.inject(y, new UniformErrorModel(0.01), 42, 3, 7);
        assertThat(fx).isEqualTo(fy);
        assertThat(x.bytes()).isEqualTo(y.bytes());
    }
}
