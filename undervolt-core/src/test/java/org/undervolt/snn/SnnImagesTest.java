package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;

class SnnImagesTest {
    @Test
    void takes28By28ImagesAndRefusesOthersNamingTheDataSet() {
        assertThatCode(() -> SnnImages.require(SyntheticDatasets.separableBlobs(2, 28, 28, 10, 1))).doesNotThrowAnyException();
        ImageDataset small = SyntheticDatasets.separableBlobs(2, 14, 14, 10, 1);
        assertThatThrownBy(() -> SnnImages.require(small)).isInstanceOf(InvalidInputException.class)
                .hasMessage(small.name() + ": images are 14x14, the SNN expects 28x28");
    }
}
