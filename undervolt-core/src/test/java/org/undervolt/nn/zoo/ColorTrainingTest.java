package org.undervolt.nn.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ColorImageDataset;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Batches;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.ProgressListener;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;

class ColorTrainingTest {

    @Test
    void aSmallResNetLearnsColourImagesThroughTheStackedPlaneView() {
        ColorImageDataset all = SyntheticDatasets.separableColorBlobs(360, 3, 8, 8, 3, 5);
        ImageDataset train = Batches.stackedPlanes(all.slice(0, 300));
        ImageDataset test = Batches.stackedPlanes(all.slice(300, 360));
        assertThat(train.imageSize()).isEqualTo(3 * 8 * 8);
        Sequential m = ResNet.cifar(1, 3, 8, 3, 7);
        new Trainer(new TrainConfig(3, 20, 0.05f, 0.9f, 1e-4f, 7)).train(m, train, ProgressListener.NONE);
        assertThat(Evaluator.accuracy(m, test)).isGreaterThan(0.8f);
    }
}
