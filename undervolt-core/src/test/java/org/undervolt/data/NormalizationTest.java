package org.undervolt.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizationTest {
    private final ImageDataset d = new ImageDataset("t", 1, 2,
            new byte[] {0, (byte) 255, (byte) 128, 1, 51, (byte) 204}, new byte[] {0, 1, 2}, 3);

    @Test
    void mapsBytesToUnitInterval() {
        assertThat(Normalization.toUnitFloats(d, 1, 3)).containsExactly(128 / 255f, 1 / 255f, 0.2f, 0.8f);
        assertThat(Normalization.unit((byte) 255)).isEqualTo(1f);
        assertThat(Normalization.unit((byte) 0)).isEqualTo(0f);
    }

    @Test
    void gathersAMiniBatchAtAnOffset() {
        float[] dest = new float[5];
        Normalization.gatherUnitFloats(d, new int[] {2, 0, 1}, 0, 2, dest, 1);
        assertThat(dest).containsExactly(0f, 0.2f, 0.8f, 0f, 1f);
    }

    @Test
    void rejectsOutOfRangeIndices() {
        assertThatThrownBy(() -> Normalization.toUnitFloats(d, 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Normalization.gatherUnitFloats(d, new int[] {3}, 0, 1, new float[2], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
