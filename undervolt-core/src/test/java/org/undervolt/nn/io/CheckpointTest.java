package org.undervolt.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.zoo.Mlp;

class CheckpointTest {

    private static byte[] encode(Sequential m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.write(m, Map.of("model", "mlp"), out);
        return out.toByteArray();
    }

    @Test
    void roundTripRestoresArchitectureValuesAndMetadata(@TempDir Path dir) throws IOException {
        Sequential m = Mlp.create(new int[] {12, 7, 3}, 42);
        Path f = dir.resolve("m.uvnn");
        Checkpoint.save(m, Map.of("model", "mlp", "seed", "42"), f);
        Checkpoint.Loaded loaded = Checkpoint.load(f);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.metadata()).containsEntry("model", "mlp").containsEntry("seed", "42");
        Sequential r = loaded.model();
        assertThat(r.inputShape()).containsExactly(12);
        assertThat(r.layers()).extracting(l -> l.name()).containsExactly("dense1", "relu1", "dense2");
        List<Parameter> a = m.parameters();
        List<Parameter> b = r.parameters();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).kind()).isEqualTo(a.get(i).kind());
            assertThat(b.get(i).data()).containsExactly(a.get(i).data());
        }
        Tensor x = Tensor.zeros(2, 12);
        for (int i = 0; i < 24; i++) {
            x.data()[i] = i / 24f;
        }
        assertThat(r.infer(x).data()).containsExactly(m.infer(x).data());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void headerIsMagicThenVersion() throws IOException {
        byte[] bytes = encode(Mlp.create(new int[] {4, 2}, 1));
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("UVNN");
        assertThat(ByteBuffer.wrap(bytes, 4, 4).getInt()).isEqualTo(1);
        // 4+4 header, 4 meta count, 2+5 "model", 2+3 "mlp", 4 rank, 4 dim, 4 layers,
        // dense1: 2+5 "dense" 2+6 "dense1" 4 + 8 config; 4 params;
        // weight: 2+13 name, 2+6 kind, 1, 8 dims, 32 values; bias: 2+11, 2+4, 1, 4, 8; CRC 4
        int expected = 8 + 4 + 7 + 5 + 4 + 4 + 4 + (7 + 8 + 4 + 8) + 4 + (15 + 8 + 1 + 8 + 32) + (13 + 6 + 1 + 4 + 8) + 4;
        assertThat(bytes).hasSize(expected);
    }

    @Test
    void rejectsCorruptionWithOneLineNamingTheSource() throws IOException {
        byte[] good = encode(Mlp.create(new int[] {5, 3}, 2));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(flipped), "x.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("x.uvnn: CRC-32 mismatch");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(magic), "x.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("wrong magic");
        byte[] future = good.clone();
        future[7] = 9;
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(future), "x.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version 9 not supported");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 9);
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(truncated), "x.uvnn"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(new byte[3]), "x.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("too short");
    }

    /** A network needs a weighted layer: one of no layers, or of a ReLU alone, is refused when read (issue 11). */
    @Test
    void refusesANetworkWithoutAWeightedLayer() throws IOException {
        String expected = ": no weighted layer: expected a network with at least one weighted (dense or conv) layer";
        byte[] none = encode(new Sequential(new int[] {4}, List.of()));
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(none), "none.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessage("none.uvnn" + expected);
        byte[] relu = encode(new Sequential(new int[] {4}, List.of(new Relu("r"))));
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(relu), "relu.uvnn"))
                .isInstanceOf(InvalidInputException.class).hasMessage("relu.uvnn" + expected);
    }
}
