package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;

/** One short epoch of SGD on a synthetic 28×28 set, so exported weights are trained, not just drawn. */
final class TinyTraining {
    private TinyTraining() {
    }

    static void train(Sequential model, long seed) {
        ImageDataset data = SyntheticDatasets.separableBlobs(256, 28, 28, 10, seed);
        float before = model.parameters().get(0).data()[0];
        new Trainer(TrainConfig.defaults(1, seed)).train(model, data, (e, loss, s) -> { });
        assertThat(model.parameters().get(0).data()[0]).as("training changed the weights").isNotEqualTo(before);
    }
}
