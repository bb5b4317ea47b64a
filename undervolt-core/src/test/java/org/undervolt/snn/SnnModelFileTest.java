package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;

class SnnModelFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEverything() throws IOException {
        SnnModel m = SnnModel.initial(7, 21);
        m.theta()[3] = 21.25;
        m.setLabels(new int[] {0, 1, 2, -1, 4, 5, 9});
        m.setImagesTrained(123_456_789_012L);
        Path f = dir.resolve("m.snn");
        SnnModelFile.write(m, f);
        SnnModel r = SnnModelFile.read(f);
        assertThat(r.neurons()).isEqualTo(7);
        assertThat(r.seed()).isEqualTo(21);
        assertThat(r.imagesTrained()).isEqualTo(123_456_789_012L);
        assertThat(r.theta()).containsExactly(m.theta());
        assertThat(r.labels()).containsExactly(m.labels());
        assertThat(r.weights()).isEqualTo(m.weights());
        for (int i = 0; i < 784; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(r.delays().delay(i, j)).isEqualTo(m.delays().delay(i, j));
            }
        }
        assertThat(Files.size(f)).isEqualTo(6 + 4 * 4 + 16 + 784 * 7 * 5 + 7 * 8 + 4 + 7 * 4 + 4);
        assertThat(dir.toFile().list()).containsExactly("m.snn"); // no temporary left
    }

    @Test
    void corruptTruncatedOrForeignFilesAreBadInput() throws IOException {
        Path f = dir.resolve("m.snn");
        SnnModelFile.write(SnnModel.initial(3, 1), f);
        byte[] bytes = Files.readAllBytes(f);
        byte[] flipped = bytes.clone();
        flipped[100] ^= 0x10;
        Files.write(f, flipped);
        assertThatThrownBy(() -> SnnModelFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("CRC");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> SnnModelFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("truncated");
        Files.writeString(f, "hello world, not a model");
        assertThatThrownBy(() -> SnnModelFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> SnnModelFile.read(dir.resolve("none.snn"))).isInstanceOf(InvalidInputException.class);
    }

    /** A label is -1 (unassigned) or a class 0..9; anything else, with a valid CRC, is refused when read (issue 11). */
    @Test
    void aNeuronLabelOutsideTheClassesIsBadInputNamingTheNeuron() {
        for (int label : new int[] {99, 10, -5}) {
            SnnModel m = SnnModel.initial(3, 1);
            m.setLabels(new int[] {0, -1, label});
            Path f = dir.resolve("label" + label + ".snn");
            SnnModelFile.write(m, f);
            assertThatThrownBy(() -> SnnModelFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessage(f
                    + ": neuron 2 has label " + label + ", expected -1 (unassigned) or a class 0..9 (SNN model format v1)");
        }
    }

    /** A negative count of images trained (where training resumes), with a valid CRC, is refused when read. */
    @Test
    void aNegativeImagesTrainedCountIsBadInput() {
        SnnModel m = SnnModel.initial(3, 1);
        m.setImagesTrained(-78_400);
        Path f = dir.resolve("neg.snn");
        SnnModelFile.write(m, f);
        assertThatThrownBy(() -> SnnModelFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessage(f
                + ": imagesTrained -78400, expected a count of training images >= 0 (SNN model format v1)");
    }

    @Test
    void resumeFromCheckpointEqualsUninterruptedTraining() {
        ImageDataset data = SyntheticDigits.make(5, 4); // 3 epochs of 5 images in 2K = 12
        int k = 6;
        SnnModel straight = SnnModel.initial(10, 77);
        Path cpA = dir.resolve("a.snn");
        new SnnTrainer(straight).train(data, 2 * k, cpA, k, null);

        SnnModel first = SnnModel.initial(10, 77);
        Path cpB = dir.resolve("b.snn");
        new SnnTrainer(first).train(data, k, cpB, k, null); // "killed" after K: only the checkpoint survives
        SnnModelFile.write(first, cpB);
        SnnModel resumed = SnnModelFile.read(cpB);
        assertThat(resumed.imagesTrained()).isEqualTo(k);
        new SnnTrainer(resumed).train(data, 2 * k, cpB, k, null);

        assertThat(resumed.imagesTrained()).isEqualTo(straight.imagesTrained()).isEqualTo(2 * k);
        assertThat(resumed.weights()).isEqualTo(straight.weights());
        assertThat(resumed.theta()).containsExactly(straight.theta());
        // the mid-run checkpoint of the uninterrupted run is the state after K images
        assertThat(SnnModelFile.read(cpA).weights()).isEqualTo(first.weights());
        // and training really changed the weights
        assertThat(straight.weights()).isNotEqualTo(SnnModel.initial(10, 77).weights());
    }
}
