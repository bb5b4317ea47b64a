package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.ResNet;
import org.undervolt.nn.zoo.Vgg;

/** {@code undervolt train} with the CIFAR-10 models on a tiny CIFAR-format fixture, and its progress lines. */
class TrainCommandTest {

    @Test
    void vggSmallAndResnet20TrainOnCifarFiles(@TempDir Path tmp) throws Exception {
        Path data = TinyCifar.write(tmp.resolve("cifar-10-batches-bin"), 4, 6, 3);
        Path vgg = tmp.resolve("vgg.uvnn");
        CliRun v = CliRun.of("train", "--network", "vgg-small", "--data-dir", data.toString(), "--epochs", "1",
                "--batch-size", "10", "--out", vgg.toString(), "--threads", "1", "--json");
        assertThat(v.exit()).as(v.err()).isZero();
        JsonNode j = v.json();
        assertThat(j.get("network").asText()).isEqualTo("vgg-small"); // the architecture; "model" is a file elsewhere
        assertThat(j.has("model")).isFalse();
        assertThat(j.get("dataset").asText()).isEqualTo("cifar10/train");
        assertThat(j.get("parameters").asLong()).isEqualTo(Vgg.small(3, 32, 10, 1).parameterCount());
        assertThat(j.get("test_accuracy").asDouble()).isBetween(0.0, 1.0);
        Sequential loaded = Checkpoint.load(vgg).model();
        assertThat(loaded.inputShape()).containsExactly(3, 32, 32);
        assertThat(loaded.outputShape()).containsExactly(10);

        // the archive's own folder name may be left out of --data-dir
        Path resnet = tmp.resolve("resnet.uvnn");
        CliRun r = CliRun.of("train", "--network", "resnet20", "--data-dir", tmp.toString(), "--epochs", "1",
                "--batch-size", "10", "--out", resnet.toString(), "--threads", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("parameters").asLong()).isEqualTo(ResNet.resnet20(3, 32, 10, 1).parameterCount());
        assertThat(Checkpoint.load(resnet).model().inputShape()).containsExactly(3, 32, 32);
    }

    @Test
    void anMlpLearnsTheColourClassesOfTheFixture(@TempDir Path tmp) throws Exception {
        Path data = TinyCifar.write(tmp.resolve("c"), 12, 30, 5);
        CliRun m = CliRun.of("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "4", "--batch-size", "6",
                "--out", tmp.resolve("m.uvnn").toString(), "--json");
        assertThat(m.exit()).as(m.err()).isZero();
        assertThat(m.json().get("dataset").asText()).isEqualTo("cifar10/train");
        assertThat(m.json().get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void missingCifarFilesAreOneLineExitTwo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("vgg.uvnn");
        CliRun none = CliRun.of("train", "--network", "vgg-small", "--out", out.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().strip()).hasLineCount(1).contains("--network vgg-small").contains("CIFAR-10")
                .contains("data_batch_1.bin").contains("none is bundled");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun missing = CliRun.of("train", "--network", "resnet20", "--data-dir", empty.toString(), "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).hasLineCount(1).contains(empty.toString()).contains("no data_batch_1.bin");

        Path partial = TinyCifar.write(tmp.resolve("partial"), 2, 2, 1);
        Files.delete(partial.resolve("test_batch.bin"));
        CliRun noTest = CliRun.of("train", "--network", "vgg-small", "--data-dir", partial.toString(), "--out", out.toString());
        assertThat(noTest.exit()).isEqualTo(2);
        assertThat(noTest.err().strip()).hasLineCount(1).contains("no test_batch.bin");
        assertThat(out).doesNotExist();

        CliRun unknown = CliRun.of("train", "--network", "vgg19", "--out", out.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown network 'vgg19'").contains("vgg-small").contains("resnet20");
    }

    @Test
    void jsonIsPinnedWithTheTimesAndPathsSetAside(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 120, 100, 8, 3, 7);
        CliRun r = CliRun.of("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "2", "--threads", "1",
                "--out", tmp.resolve("m.uvnn").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.out(),
                java.util.LinkedHashMap.class);
        assertThat(j.get("epoch_losses")).asList().hasSize(2);
        // what varies between runs and machines: the times and the temporary folder
        j.put("epoch_seconds", java.util.List.of(0.5, 0.5));
        j.put("train_seconds", 1.0);
        j.put("seconds", 1.5);
        j.replaceAll((k, v) -> v instanceof String t ? t.replace(tmp.toString(), "TMP") : v);
        org.undervolt.io.JsonPins.assertPinned("train", j);
    }

    @Test
    void progressLinesWithTheTimeLeftOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 120, 100, 8, 3, 7);
        String[] base = {"train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "3", "--threads", "1"};
        CliRun shown = CliRun.of(concat(base, "--out", tmp.resolve("a.uvnn").toString(), "--progress"));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.err().lines()).hasSize(3);
        assertThat(shown.err()).contains("epochs [######--------------] 1/3  ETA ")
                .contains("epochs [####################] 3/3  done in").contains("  loss ");

        CliRun quiet = CliRun.of(concat(base, "--out", tmp.resolve("b.uvnn").toString(), "--progress", "--quiet"));
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).isEmpty();
        CliRun json = CliRun.of(concat(base, "--out", tmp.resolve("c.uvnn").toString(), "--progress", "--json"));
        assertThat(json.exit()).isZero();
        assertThat(json.err()).isEmpty();
        // not a terminal (tests), not forced: no progress
        CliRun plain = CliRun.of(concat(base, "--out", tmp.resolve("d.uvnn").toString()));
        assertThat(plain.exit()).isZero();
        assertThat(plain.err()).isEmpty();
        assertThat(plain.out()).contains("test accuracy");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
