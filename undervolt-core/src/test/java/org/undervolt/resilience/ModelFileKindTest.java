package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;

/** A model file's kind is its content: the writers' own files are told apart whatever they are named. */
class ModelFileKindTest {

    @Test
    void theWritersFilesAreToldApartByContentNotByName(@TempDir Path dir) throws Exception {
        Path dnn = dir.resolve("model.snn"); // names that lie
        Path snn = dir.resolve("model.uvnn");
        Checkpoint.save(Mlp.create(new int[] {784, 8, 10}, 1), Map.of(), dnn);
        SnnModelFile.write(SnnModel.initial(2, 1), snn);
        assertThat(ModelFileKind.of(dnn, "--model")).isEqualTo(ModelFileKind.DNN);
        assertThat(ModelFileKind.of(snn, "--model")).isEqualTo(ModelFileKind.SNN);
        assertThat(ModelFileKind.of(Files.readAllBytes(snn))).contains(ModelFileKind.SNN);
        assertThat(ModelFileKind.DNN.magic()).containsExactly('U', 'V', 'N', 'N');
    }

    @Test
    void aFileOfNeitherKindIsOneLineNamingBoth(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "These are notes, not a model.\n");
        Path shortFile = Files.write(dir.resolve("short"), new byte[] {'U', 'V', 'S'});
        assertThatThrownBy(() -> ModelFileKind.of(notes, "--model")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--model " + notes + ": neither a network checkpoint (magic UVNN, of 'train' or 'retrain') "
                        + "nor an SNN model (magic UVSNN, of 'snn train' or 'retrain')");
        assertThatThrownBy(() -> ModelFileKind.of(shortFile, "--model")).hasMessageContaining("neither");
        assertThatThrownBy(() -> ModelFileKind.of(dir.resolve("none"), "--model")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--model " + dir.resolve("none") + ": no such file");
        assertThatThrownBy(() -> ModelFileKind.of(dir, "--model")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void refusingTheOtherKindLetsEveryOtherFileThroughToItsReader(@TempDir Path dir) throws Exception {
        Path snn = dir.resolve("n.snn");
        SnnModelFile.write(SnnModel.initial(2, 1), snn);
        assertThatThrownBy(() -> ModelFileKind.SNN.refuse(snn, "--model", "snn eval takes it"))
                .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("; snn eval takes it");
        assertThat(ModelFileKind.DNN.refuse(snn, "--model", "x")).isEqualTo(snn);
        assertThat(ModelFileKind.SNN.refuse(dir.resolve("none"), "--model", "x")).isEqualTo(dir.resolve("none"));
    }
}
