package org.undervolt.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.testing.Synthetic;
import org.undervolt.nn.zoo.Mlp;

class TrainerTest {
    private static final ImageDataset TRAIN = Synthetic.quadrants(600, 8, 6, 1);
    private static final ImageDataset TEST = Synthetic.quadrants(300, 8, 6, 2);

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void mlpLearnsSyntheticClasses() {
        Sequential m = Mlp.create(new int[] {64, 32, 6}, 5);
        float before = Evaluator.accuracy(m, TEST);
        List<Double> losses = new ArrayList<>();
        TrainingResult r = new Trainer(new TrainConfig(4, 16, 0.05f, 0.9f, 1e-4f, 5))
                .train(m, TRAIN, (epoch, loss, s) -> losses.add(loss));
        assertThat(losses).hasSize(4);
        assertThat(r.steps()).isEqualTo(4 * 38);
        assertThat(losses.get(3)).isLessThan(losses.get(0));
        assertThat(before).isLessThan(0.5f);
        assertThat(Evaluator.accuracy(m, TEST)).isGreaterThan(0.95f);
    }

    @Test
    void trainingIsBitIdenticalForAnyThreadCount() {
        float[][] ref = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Sequential m = Mlp.create(new int[] {64, 200, 6}, 11);
            new Trainer(new TrainConfig(1, 100, 0.05f, 0.9f, 0f, 11)).train(m, TRAIN, ProgressListener.NONE);
            float[][] now = m.parameters().stream().map(Parameter::data).toArray(float[][]::new);
            if (ref == null) {
                ref = now;
            } else {
                for (int i = 0; i < ref.length; i++) {
                    assertThat(now[i]).as("threads=%d param %d", threads, i).containsExactly(ref[i]);
                }
            }
        }
    }

    @Test
    void convolutionalTrainingIsBitIdenticalForAnyThreadCount() {
        float[][] ref = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Sequential m = new Sequential(new int[] {1, 8, 8}, List.of(
                    new org.undervolt.nn.layer.Conv2d("c1", 1, 4, 3, 1, 1), new org.undervolt.nn.layer.Relu("r1"),
                    new org.undervolt.nn.layer.MaxPool2d("p1", 2, 2),
                    new org.undervolt.nn.layer.Conv2d("c2", 4, 5, 3, 2, 1), new org.undervolt.nn.layer.BatchNorm("bn", 5),
                    new org.undervolt.nn.layer.Flatten("f"), new org.undervolt.nn.layer.Dropout("d", 0.2f),
                    new org.undervolt.nn.layer.Dense("fc", 20, 6)));
            m.initialize(5);
            new Trainer(new TrainConfig(1, 50, 0.05f, 0.9f, 1e-4f, 5)).train(m, TRAIN, ProgressListener.NONE);
            float[][] now = m.parameters().stream().map(Parameter::data).toArray(float[][]::new);
            if (ref == null) {
                ref = now;
            } else {
                for (int i = 0; i < ref.length; i++) {
                    assertThat(now[i]).as("threads=%d param %d", threads, i).containsExactly(ref[i]);
                }
            }
        }
    }

    @Test
    void differentSeedsShuffleDifferently() {
        int[] a = Trainer.shuffle(100, org.undervolt.random.Seeds.stream(1, Trainer.SHUFFLE, 1));
        int[] b = Trainer.shuffle(100, org.undervolt.random.Seeds.stream(2, Trainer.SHUFFLE, 1));
        int[] again = Trainer.shuffle(100, org.undervolt.random.Seeds.stream(1, Trainer.SHUFFLE, 1));
        assertThat(a).containsExactly(again).isNotEqualTo(b);
        assertThat(a).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 100).toArray());
    }

    @Test
    void softmaxCrossEntropyGoldenValues() {
        var logits = new org.undervolt.nn.tensor.Tensor(new int[] {2, 2}, new float[] {0, 0, 3, 1});
        var grad = org.undervolt.nn.tensor.Tensor.zeros(2, 2);
        double loss = SoftmaxCrossEntropy.loss(logits, new int[] {0, 1}, grad);
        double l2 = Math.log(1 + Math.exp(2)); // -log softmax(1 vs 3)
        assertThat(loss).isCloseTo((Math.log(2) + l2) / 2, org.assertj.core.data.Offset.offset(1e-9));
        double p = 1 / (1 + Math.exp(-2));
        assertThat(grad.data()[0]).isCloseTo(-0.25f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(grad.data()[1]).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(grad.data()[2]).isCloseTo((float) (p / 2), org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(grad.data()[3]).isCloseTo((float) ((1 - p - 1) / 2), org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    void aKilledRunResumesBitIdenticallyFromItsState(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        for (boolean adam : new boolean[] {false, true}) {
            TrainConfig cfg = new TrainConfig(3, 32, adam ? 0.002f : 0.05f, 0.9f, 1e-4f, 21);
            java.util.function.Supplier<Trainer> trainer = () -> new Trainer(cfg,
                    adam ? new Adam(cfg.weightDecay()) : new Sgd(cfg.momentum(), cfg.weightDecay()), LrSchedule.cosine());
            Sequential straight = Mlp.create(new int[] {64, 16, 6}, 21);
            TrainingResult full = trainer.get().train(straight, TRAIN, ProgressListener.NONE);

            java.nio.file.Path state = tmp.resolve("run" + adam + ".state");
            Trainer.Resume resume = new Trainer.Resume(state, "cosine");
            Sequential killed = Mlp.create(new int[] {64, 16, 6}, 21);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> trainer.get().train(killed, TRAIN,
                    org.undervolt.nn.layer.LayerHooks.NONE, (e, l, s) -> {
                        if (e == 2) {
                            throw new IllegalStateException("killed");
                        }
                    }, resume)).hasMessage("killed");
            assertThat(state).exists();

            Sequential resumed = Mlp.create(new int[] {64, 16, 6}, 21);
            List<Integer> epochsRun = new ArrayList<>();
            TrainingResult rest = trainer.get().train(resumed, TRAIN, org.undervolt.nn.layer.LayerHooks.NONE,
                    (e, l, s) -> epochsRun.add(e), resume);
            assertThat(epochsRun).containsExactly(3);
            assertThat(rest.epochLosses()).containsExactlyElementsOf(full.epochLosses());
            assertThat(rest.steps()).isEqualTo(full.steps());
            for (int i = 0; i < straight.parameters().size(); i++) {
                assertThat(resumed.parameters().get(i).data()).as("adam=%s", adam)
                        .containsExactly(straight.parameters().get(i).data());
            }
            // a different run refuses the state file
            Trainer other = new Trainer(new TrainConfig(3, 16, 0.05f, 0.9f, 1e-4f, 21));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.train(Mlp.create(new int[] {64, 16, 6}, 21), TRAIN,
                    org.undervolt.nn.layer.LayerHooks.NONE, ProgressListener.NONE, resume))
                    .isInstanceOf(org.undervolt.InvalidInputException.class).hasMessageContaining("different run");
        }
    }
}
