package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;

/** {@code undervolt train}'s and the EDEN baseline's training as a library call: the trainer's bits, resumed or not. */
class TrainUseCaseTest {
    private static final ImageDataset TRAIN = SyntheticDatasets.separableBlobs(96, 28, 28, 10, 5);
    private static final ImageDataset TEST = SyntheticDatasets.separableBlobs(40, 28, 28, 10, 6);

    private static List<float[]> weights(Sequential m) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            out.add(p.data().clone());
        }
        return out;
    }

    @Test
    void trainsTheSameBitsAsTheTrainerItWraps() {
        TrainConfig config = TrainConfig.defaults(2, 3);
        Sequential direct = Mlp.create(new int[] {784, 16, 10}, 3);
        new Trainer(config).train(direct, TRAIN, (e, loss, s) -> { });
        Sequential viaUseCase = Mlp.create(new int[] {784, 16, 10}, 3);
        List<Integer> epochs = new ArrayList<>();
        TrainResult r = TrainUseCase.run(TrainRequest.sgd(viaUseCase, TRAIN, config, null),
                (e, resumed, loss, s) -> epochs.add(e));
        assertThat(weights(viaUseCase)).usingRecursiveComparison().isEqualTo(weights(direct));
        assertThat(epochs).containsExactly(1, 2);
        assertThat(r.training().epochLosses()).hasSize(2);
        assertThat(r.epochSeconds()).hasSize(2);
        assertThat(r.resumedEpochs()).isZero();
        assertThat(r.testAccuracy()).isNull(); // no test set asked for
    }

    @Test
    void aRerunResumesFromTheStateAndTheCheckpointRecordsTheTestAccuracy(@TempDir Path dir) {
        TrainConfig config = TrainConfig.defaults(2, 4);
        Trainer.Resume resume = new Trainer.Resume(dir.resolve("m.state"), "test");
        Path file = dir.resolve("m.uvnn");
        Sequential first = Mlp.create(new int[] {784, 16, 10}, 4);
        TrainRequest request = new TrainRequest(first, TRAIN, TEST, config,
                new org.undervolt.nn.train.Sgd(config.momentum(), config.weightDecay()),
                org.undervolt.nn.train.LrSchedule.constant(), resume, file, Map.of("model", "mlp"));
        TrainResult done = TrainUseCase.run(request, (e, resumed, loss, s) -> { });
        assertThat(done.testAccuracy()).isEqualTo(EvalUseCase.exact(Evaluator.accuracy(first, TEST)));
        Checkpoint.Loaded saved = Checkpoint.load(file);
        assertThat(saved.metadata()).containsEntry("model", "mlp")
                .containsEntry("test_accuracy", Double.toString(done.testAccuracy()));

        Sequential again = Mlp.create(new int[] {784, 16, 10}, 4);
        TrainResult rerun = TrainUseCase.run(new TrainRequest(again, TRAIN, TEST, config,
                new org.undervolt.nn.train.Sgd(config.momentum(), config.weightDecay()),
                org.undervolt.nn.train.LrSchedule.constant(), resume, null, null), (e, resumed, loss, s) -> { });
        assertThat(rerun.resumedEpochs()).isEqualTo(2);
        assertThat(rerun.epochSeconds()).isEmpty();
        assertThat(weights(again)).usingRecursiveComparison().isEqualTo(weights(first));
        assertThat(rerun.testAccuracy()).isEqualTo(done.testAccuracy());
    }
}
