package org.undervolt.nn.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.Mlp;

class DatasetFitTest {
    private static final ImageDataset MNIST_LIKE = SyntheticDatasets.separableBlobs(4, 28, 28, 10, 1);

    @Test
    void aNetworkOfTheImagesSizeAndOneOutputPerClassFits() {
        assertThatCode(() -> DatasetFit.require(Mlp.create(new int[] {784, 8, 10}, 1), MNIST_LIKE, "m.uvnn"))
                .doesNotThrowAnyException();
    }

    @Test
    void fewerOutputsThanClassesAreRefusedNamingTheModel() {
        Sequential five = Mlp.create(new int[] {784, 8, 5}, 1);
        assertThatThrownBy(() -> DatasetFit.require(five, MNIST_LIKE, "out5.uvnn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("out5.uvnn: model has 5 outputs, data set " + MNIST_LIKE.name() + " has 10 classes");
    }

    @Test
    void imagesOfAnotherSizeAreRefusedNamingTheModel() {
        ImageDataset small = SyntheticDatasets.separableBlobs(4, 14, 14, 10, 1);
        assertThatThrownBy(() -> DatasetFit.require(Mlp.create(new int[] {784, 8, 10}, 1), small, "mlp.uvnn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("mlp.uvnn: model reads 784 values per image, data set " + small.name() + " has 14x14 images");
    }
}
