package org.undervolt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DramImageTest {
    private static final DramGeometry SMALL = new DramGeometry(2, 1, 4, 2, 8, 64);

    @Test
    void tensorsAreLaidOutBackToBackAndDecodeToTheirQuantisedValues() {
        float[] a = {1f, -1f, 0.5f, 0f, 0.25f, -0.75f};
        float[] b = {7f, -3f, 1f};
        DramImage image = DramImage.builder(new SequentialPlacement(SMALL))
                .add("a", new int[] {2, 3}, a, Formats.INT8)
                .add("b", new int[] {3}, b, Formats.byName("int4"))
                .build();
        assertThat(image.size()).isEqualTo(6 + 2);
        assertThat(image.tensor("a").offset()).isZero();
        assertThat(image.tensor("b").offset()).isEqualTo(6);
        assertThat(image.tensors()).extracting(StoredTensor::name).containsExactly("a", "b");
        float[] back = image.decode("a");
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(back[i] - a[i])).isLessThanOrEqualTo(0.5f / 127 + 1e-7f);
        }
        assertThat(image.decode("b")).containsExactly(7f, -3f, 1f);
    }

    @Test
    void copyIsIndependentAndRestoreBringsBackTheCleanBytes() {
        DramImage clean = DramImage.builder(new SequentialPlacement(SMALL))
                .add("w", new int[] {4}, new float[] {1, 2, 3, 4}, Formats.INT8).build();
        DramImage trial = clean.copy();
        trial.bytes()[0] ^= 1;
        assertThat(clean.bytes()[0]).isNotEqualTo(trial.bytes()[0]);
        trial.restoreFrom(clean);
        assertThat(trial.bytes()).isEqualTo(clean.bytes());
    }

    @Test
    void rejectsDuplicateNamesWrongShapesAndImagesLargerThanTheDram() {
        DramImage.Builder builder = DramImage.builder(new SequentialPlacement(SMALL))
                .add("w", new int[] {1}, new float[] {1}, Formats.INT8);
        assertThatThrownBy(() -> builder.add("w", new int[] {1}, new float[] {1}, Formats.INT8))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> builder.add("x", new int[] {2}, new float[] {1}, Formats.INT8))
                .hasMessageContaining("shape");
        float[] big = new float[(int) SMALL.capacityBytes() + 1];
        assertThatThrownBy(() -> DramImage.builder(new SequentialPlacement(SMALL))
                .add("big", new int[] {big.length}, big, Formats.INT8).build())
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> DramImage.builder(new SequentialPlacement(SMALL)).build().decode("nope"))
                .hasMessageContaining("no tensor");
    }

    @Test
    void sequentialPlacementFillsColumnsThenRowsSubarraysBanksRanksChannels() {
        SequentialPlacement p = new SequentialPlacement(SMALL);
        assertThat(p.locate(0)).isEqualTo(new DramLocation(0, 0, 0, 0, 0, 0));
        assertThat(p.locate(63)).isEqualTo(new DramLocation(0, 0, 0, 0, 0, 63));
        assertThat(p.locate(64)).isEqualTo(new DramLocation(0, 0, 0, 0, 1, 0));
        assertThat(p.locate(64 * 8)).isEqualTo(new DramLocation(0, 0, 0, 1, 0, 0));
        assertThat(p.locate(64 * 16)).isEqualTo(new DramLocation(0, 0, 1, 0, 0, 0));
        assertThat(p.locate(64 * 16 * 4 + 5)).isEqualTo(new DramLocation(1, 0, 0, 0, 0, 5));
        assertThat(p.locate(SMALL.capacityBytes() - 1)).isEqualTo(new DramLocation(1, 0, 3, 1, 7, 63));
        assertThat(p.runLength(0)).isEqualTo(64);
        assertThat(p.runLength(70)).isEqualTo(58);
        assertThat(new SequentialPlacement(SMALL, 10).locate(0).column()).isEqualTo(10);
        assertThat(p.locate(64 * 16 * 4 + 5).flatBank(SMALL)).isEqualTo(4);
    }

    @Test
    void lpddr3PresetHoldsFourGigabits() {
        assertThat(DramGeometry.lpddr3x32().capacityBytes() * 8).isEqualTo(4L << 30);
        assertThat(DramGeometry.lpddr3x32().rowsPerBank()).isEqualTo(16384);
    }
}
