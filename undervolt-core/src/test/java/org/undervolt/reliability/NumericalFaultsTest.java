package org.undervolt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.FlipListener;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.CurricularRetrainer;
import org.undervolt.resilience.CurriculumSchedule;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.Site;
import org.undervolt.resilience.SnnErrorRuns;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.StoredWeights;
import org.undervolt.resilience.StoredWeightsEvaluator;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnRuns;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FloatFormat;
import org.undervolt.storage.Formats;
import org.undervolt.storage.SequentialPlacement;
import org.undervolt.storage.StoredTensor;

/**
 * Exponent flips that turn stored FP32/FP16/BF16 weights into infinities or NaNs (issue 11): no run
 * crashes, and what happened is counted in the result.
 */
class NumericalFaultsTest {
    private static final ImageDataset BLOBS = SyntheticDatasets.separableBlobs(64, 4, 4, 3, 9);

    /**
     * Flips, in tensor {@code name} of the image, the most significant exponent bit of the values at
     * {@code indices}: a value in [1, 2) has exponent 0111..1, so the flip makes it all ones, i.e.
     * +-Inf for 1.0 and NaN for 1.5. FP32 keeps it in bit 30, FP16 and BF16 in bit 14 (little-endian codes).
     */
    record ExponentFlips(StoredTensor tensor, int... indices) implements ErrorModel {
        @Override
        public String name() {
            return "exponent-msb" + java.util.Arrays.toString(indices);
        }

        @Override
        public long inject(MemoryRegion region, SplittableRandom rng, FlipListener listener) {
            int width = tensor.format().bitsPerValue();
            int msb = width == 32 ? 30 : 14;
            for (int i : indices) {
                long bit = 8L * tensor.offset() + (long) width * i + msb;
                region.flip(bit);
                listener.flipped(bit);
            }
            return indices.length;
        }

        @Override
        public double expectedFlips(MemoryRegion region) {
            return indices.length;
        }
    }

    private static Sequential mlp() {
        Sequential m = Mlp.create(new int[] {16, 8, 3}, 5);
        new Trainer(new TrainConfig(3, 16, 0.05f, 0.9f, 0f, 1)).train(m, BLOBS, (e, l, s) -> { });
        float[] w = m.parameter("dense1.weight").data();
        w[0] = 1.5f; // -> NaN
        w[1] = 1.0f; // -> +Inf
        w[2] = -1.0f; // -> -Inf
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "fp16", "bf16"})
    void dnnEvaluationCountsNonfiniteOutputsAndDoesNotCrash(String format) {
        Sequential m = mlp();
        StoredWeights stored = StoredWeights.of(m, Formats.byName(format), new SequentialPlacement(DramGeometry.lpddr3x32()));
        StoredTensor t = stored.image().tensor("dense1.weight");
        assertThat(t.format()).isInstanceOf(FloatFormat.class);
        ExponentFlips flips = new ExponentFlips(t, 0, 1, 2);

        DramImage check = stored.image().copy();
        flips.inject(MemoryRegion.of(check.bytes()), null, FlipListener.NONE);
        float[] decoded = check.decode("dense1.weight");
        assertThat(decoded[0]).isNaN();
        assertThat(decoded[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(decoded[2]).isEqualTo(Float.NEGATIVE_INFINITY);

        StoredWeightsEvaluator ev = new StoredWeightsEvaluator(m, stored, BLOBS, ber -> flips);
        double acc = ev.accuracy(0.5, new SplittableRandom(1));
        assertThat(ev.lastFlips()).isEqualTo(3);
        // Hidden unit 0 sees w = NaN, so every row's logits are NaN: all counted, all wrong.
        assertThat(ev.lastNonfinite()).isEqualTo(BLOBS.size());
        assertThat(acc).isZero();

        StoredWeightsEvaluator clean = new StoredWeightsEvaluator(m, stored, BLOBS, UniformErrorModel::new);
        assertThat(clean.accuracy(0, new SplittableRandom(1))).isGreaterThan(0.5);
        assertThat(clean.lastNonfinite()).isZero();
    }

    @Test
    void infinityAloneIsCountedButStillClassified() {
        Sequential m = mlp();
        m.parameter("dense1.weight").data()[0] = 0.25f; // stays finite after the flip (exponent 0111 1101 -> 1111 1101)
        StoredWeights stored = StoredWeights.of(m, Formats.byName("fp32"), new SequentialPlacement(DramGeometry.lpddr3x32()));
        StoredWeightsEvaluator ev = new StoredWeightsEvaluator(m, stored, BLOBS,
                ber -> new ExponentFlips(stored.image().tensor("dense1.weight"), 1));
        ev.accuracy(0.5, new SplittableRandom(1));
        // w[1] = +Inf: rows where pixel 1 is 0 give 0 * Inf = NaN, the others +Inf in hidden unit 0.
        assertThat(ev.lastNonfinite()).isPositive().isLessThanOrEqualTo(BLOBS.size());
    }

    @Test
    void snnReadsNonfiniteWeightsAsZeroAndCountsThem() {
        SnnModel model = SnnModel.initial(3, 4);
        model.setLabels(new int[] {0, 1, 2});
        ImageDataset digits = SyntheticDatasets.separableBlobs(6, 28, 28, 3, 2);
        float[] w = new float[DiehlCook.INPUTS * 3];
        model.weights().readAll(w);
        float[] poisoned = w.clone();
        poisoned[0] = Float.NaN;
        poisoned[1] = Float.POSITIVE_INFINITY;
        poisoned[800] = Float.NEGATIVE_INFINITY;
        float[] zeroed = w.clone();
        zeroed[0] = 0;
        zeroed[1] = 0;
        zeroed[800] = 0;

        SnnEvaluator bad = new SnnEvaluator(model, poisoned, 2);
        SnnEvaluator ref = new SnnEvaluator(model, zeroed, 1);
        assertThat(bad.nonfiniteWeights()).isEqualTo(3);
        assertThat(ref.nonfiniteWeights()).isZero();
        assertThat(bad.predict(digits, 6, 1, 3)).containsExactly(ref.predict(digits, 6, 1, 3));
    }

    @Test
    void snnEvaluationWithManyFp16FlipsCountsPerTrial() {
        SnnModel model = SnnModel.initial(3, 4);
        model.setLabels(new int[] {0, 1, 2});
        ImageDataset digits = SyntheticDatasets.separableBlobs(4, 28, 28, 3, 2);
        // BER 0.05 over 3 x 784 FP16 weights: ~1900 flips, ~6 % of them in the top exponent bit.
        SnnRuns.EvalResult r = SnnErrorRuns.evaluateWithErrors(model, digits, 4, Formats.byName("fp16"), 0.05, 2, 7, 1);
        assertThat(r.accuracies()).hasSize(2);
        assertThat(r.nonfiniteWeights()).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void retrainingWithFp32FaultsAndNoValueCorrectionDoesNotCrash() {
        ImageDataset all = SyntheticDatasets.separableBlobs(400, 4, 4, 3, 3);
        Sequential base = Mlp.create(new int[] {16, 8, 3}, 1);
        new Trainer(new TrainConfig(2, 16, 0.05f, 0.9f, 0f, 1)).train(base, all.slice(0, 300), (e, l, s) -> { });
        StorageSetup setup = new StorageSetup(Site.of(base, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.byName("fp32"),
                Formats.byName("fp32"), UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), false);
        var config = new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, 3, 16, 0.02f, 0.9f, 5,
                new CurriculumSchedule.Params(1e-2, 2, 0.1, 1), 1f, 0.01, 2, 100);
        CurricularRetrainer.Result r = new CurricularRetrainer(config).run(base, all.slice(0, 300), all.slice(300, 400),
                setup, null, CurricularRetrainer.Listener.NONE);
        assertThat(r.history()).isNotEmpty();
        assertThat(r.history()).allSatisfy(e -> assertThat(e.validationAccuracy()).isBetween(0.0, 1.0));
        List<Float> weights = new java.util.ArrayList<>();
        for (float v : r.model().parameter("dense1.weight").data()) {
            weights.add(v);
        }
        assertThat(weights).as("the kept model's weights").allSatisfy(v -> assertThat(v).isFinite());
    }
}
