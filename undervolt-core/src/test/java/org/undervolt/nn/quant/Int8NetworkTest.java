package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.testing.Synthetic;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.ProgressListener;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;

class Int8NetworkTest {
    private static final ImageDataset TRAIN = Synthetic.quadrants(600, 8, 6, 1);
    private static final ImageDataset TEST = Synthetic.quadrants(300, 8, 6, 2);

    private static Sequential trainedConvNet() {
        Sequential m = new Sequential(new int[] {1, 8, 8}, List.of(
                new Conv2d("conv1", 1, 4, 3, 1, 1), new Relu("relu1"), new MaxPool2d("pool1", 2, 2),
                new Flatten("flatten"), new Dense("fc1", 64, 16), new Relu("relu2"), new Dense("fc2", 16, 6)));
        m.initialize(3);
        new Trainer(new TrainConfig(4, 16, 0.05f, 0.9f, 0f, 3)).train(m, TRAIN, ProgressListener.NONE);
        return m;
    }

    @Test
    void requantizerRoundsLikeTheRealMultiplier() {
        Requantizer r = new Requantizer(0.0123, false);
        assertThat(r.multiplier()).isCloseTo(0.0123, org.assertj.core.data.Offset.offset(1e-11));
        for (int acc : new int[] {0, 1, -1, 40, -40, 1000, -1000, 5000, -5000, 20_000, -20_000, 1 << 24}) {
            long expected = Math.max(-128, Math.min(127, (long) Math.floor(acc * r.multiplier() + 0.5)));
            assertThat(r.apply(acc)).as("acc %d", acc).isEqualTo((int) expected);
        }
        Requantizer relu = new Requantizer(0.5, true);
        assertThat(relu.apply(-7)).isZero();
        assertThat(relu.apply(7)).isEqualTo(4); // 3.5 rounds up
        assertThat(relu.apply(1000)).isEqualTo(127);
    }

    @Test
    void int8DatapathKeepsTheFloatAccuracy() {
        Sequential m = trainedConvNet();
        float fp32 = Evaluator.accuracy(m, TEST);
        Int8Network q = Int8Network.quantize(m, TRAIN.slice(0, 200));
        assertThat(q.ops()).extracting(Int8Op::name).containsExactly("conv1", "pool1", "flatten", "fc1", "fc2");
        float int8 = q.accuracy(TEST, Int8Hooks.NONE);
        assertThat(fp32).isGreaterThan(0.9f);
        assertThat(int8).isGreaterThan(fp32 - 0.02f);
        // the same argmax on nearly every image
        int[] z = q.logits(TEST, 0, 100, Int8Hooks.NONE);
        int[] p = Evaluator.predict(m, TEST.slice(0, 100), org.undervolt.nn.layer.LayerHooks.NONE);
        int agree = 0;
        for (int r = 0; r < 100; r++) {
            int best = 0;
            for (int c = 1; c < 6; c++) {
                if (z[r * 6 + c] > z[r * 6 + best]) {
                    best = c;
                }
            }
            agree += best == p[r] ? 1 : 0;
        }
        assertThat(agree).isGreaterThanOrEqualTo(97);
    }

    @Test
    void weightBytesAndFeatureMapBytesAreWhereErrorsEnter() {
        Sequential m = trainedConvNet();
        Int8Network q = Int8Network.quantize(m, TRAIN.slice(0, 200));
        float clean = q.accuracy(TEST, Int8Hooks.NONE);
        Int8Network faulty = q.copy();
        java.util.Arrays.fill(faulty.weights("fc2"), (byte) 0);
        assertThat(faulty.logits(TEST, 0, 10, Int8Hooks.NONE)).isNotEqualTo(q.logits(TEST, 0, 10, Int8Hooks.NONE));
        assertThat(q.accuracy(TEST, Int8Hooks.NONE)).isEqualTo(clean); // the original is untouched
        // zeroing fc2's weights leaves only the bias: every image gets the same logits
        int[] z = faulty.logits(TEST, 0, 10, Int8Hooks.NONE);
        for (int r = 1; r < 10; r++) {
            assertThat(java.util.Arrays.copyOfRange(z, r * 6, r * 6 + 6)).containsExactly(java.util.Arrays.copyOfRange(z, 0, 6));
        }
        // flipping the sign bit of every stored input byte of fc1 (op 3) changes the outputs
        Int8Hooks flip = (op, name, ifm, batch) -> {
            if (op == 3) {
                for (int i = 0; i < ifm.length; i++) {
                    ifm[i] ^= (byte) 0x80;
                }
            }
        };
        assertThat(q.accuracy(TEST, flip)).isLessThan(clean - 0.2f);
    }

    @Test
    void batchNormIsFoldedIntoThePrecedingConvolution() {
        Sequential m = new Sequential(new int[] {1, 8, 8}, List.of(
                new Conv2d("conv1", 1, 4, 3, 1, 1), new BatchNorm("bn1", 4), new Relu("relu1"),
                new MaxPool2d("pool1", 2, 2), new Flatten("flatten"), new Dense("fc", 64, 6)));
        m.initialize(4);
        new Trainer(new TrainConfig(3, 16, 0.05f, 0.9f, 0f, 4)).train(m, TRAIN, ProgressListener.NONE);
        Sequential folded = Int8Network.foldBatchNorm(m);
        assertThat(folded.layers()).extracting(l -> l.name()).containsExactly("conv1", "relu1", "pool1", "flatten", "fc");
        org.undervolt.nn.tensor.Tensor x = org.undervolt.nn.testing.GradientCheck.input(3, 5, 1, 8, 8);
        float[] a = m.infer(x).data();
        float[] b = folded.infer(x).data();
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(m.layers()).hasSize(6); // the original keeps its batch norm
        float fp32 = Evaluator.accuracy(m, TEST);
        assertThat(Int8Network.quantize(m, TRAIN.slice(0, 200)).accuracy(TEST, Int8Hooks.NONE)).isGreaterThan(fp32 - 0.03f);
    }

    @Test
    void unsupportedLayersAreRejected() {
        Sequential bn = new Sequential(new int[] {64}, List.of(new Dense("d", 64, 3), new Relu("r"), new BatchNorm("bn", 3)));
        assertThatThrownBy(() -> Int8Network.quantize(bn, TRAIN.slice(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchnorm is not supported");
    }
}
