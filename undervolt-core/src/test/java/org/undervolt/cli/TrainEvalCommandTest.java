package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class TrainEvalCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path tinyData(Path dir) {
        return TinyIdx.write(dir, 500, 400, 8, 3, 7);
    }

    @Test
    void trainSavesACheckpointThatEvalReadsBack(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path model = tmp.resolve("models/mlp.uvnn");
        CliRun t = run("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "3", "--seed", "4",
                "--out", model.toString(), "--json");
        assertThat(t.exit()).as(t.err()).isZero();
        JsonNode tj = t.json();
        assertThat(tj.get("epochs").asInt()).isEqualTo(3);
        assertThat(tj.get("epoch_losses")).hasSize(3);
        assertThat(tj.get("seconds").asDouble()).isPositive();
        double acc = tj.get("test_accuracy").asDouble();
        assertThat(acc).isGreaterThan(0.9);
        assertThat(model).isRegularFile();
        assertThat(tj.get("resumed_epochs").asInt()).isZero();
        // the state file lets the same command finish at once, with the same result
        CliRun again = run("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "3", "--seed", "4",
                "--out", model.toString(), "--json");
        assertThat(again.json().get("resumed_epochs").asInt()).isEqualTo(3);
        assertThat(again.json().get("test_accuracy").asDouble()).isEqualTo(acc);
        assertThat(again.json().get("epoch_losses")).isEqualTo(tj.get("epoch_losses"));

        CliRun e = run("eval", "--model", model.toString(), "--data-dir", data.toString(), "--json");
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.json().get("accuracy").asDouble()).isEqualTo(acc);
        assertThat(e.json().get("images").asInt()).isEqualTo(100);

        CliRun int8 = run("eval", "--model", model.toString(), "--data-dir", data.toString(), "--datapath", "int8", "--json");
        assertThat(int8.exit()).as(int8.err()).isZero();
        assertThat(int8.json().get("int8_accuracy").asDouble()).isGreaterThan(acc - 0.03);
        assertThat(int8.json().get("accuracy").asDouble()).isEqualTo(acc);

        String[] faulty = {"eval", "--model", model.toString(), "--data-dir", data.toString(), "--format", "int8",
                "--error-model", "uniform", "--ber", "0.02", "--trials", "4", "--seed", "9", "--json"};
        CliRun f = run(faulty);
        assertThat(f.exit()).as(f.err()).isZero();
        JsonNode fj = f.json();
        assertThat(fj.get("accuracies")).hasSize(4);
        double mean = 0;
        for (JsonNode a : fj.get("accuracies")) {
            mean += a.asDouble() / 4;
        }
        assertThat(fj.get("accuracy").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fj.get("format").asText()).isEqualTo("int8");
        // 2% of the stored int8 weight bits flip: (64*256 + 256*128 + 128*3) bytes * 8 bits * 0.02, about 7,900
        long bits = (64L * 256 + 256 * 128 + 128 * 3) * 8;
        for (JsonNode n : fj.get("flips")) {
            assertThat(n.asDouble()).isBetween(bits * 0.02 - 5 * Math.sqrt(bits * 0.02), bits * 0.02 + 5 * Math.sqrt(bits * 0.02));
        }
        assertThat(run(faulty).json().get("accuracies")).isEqualTo(fj.get("accuracies"));
        CliRun other = run("eval", "--model", model.toString(), "--data-dir", data.toString(), "--format", "int8",
                "--ber", "0.02", "--trials", "4", "--seed", "10", "--json");
        assertThat(other.json().get("flips")).isNotEqualTo(fj.get("flips"));
        // Any registered error model: weak rows (10% of them, on device 1) take the flips.
        faulty[8] = "wordline:weak-fraction=0.1";
        CliRun rows = run(faulty);
        assertThat(rows.exit()).as(rows.err()).isZero();
        assertThat(rows.json().get("error_model").asText()).isEqualTo("wordline:weak-fraction=0.1");
        assertThat(rows.json().get("flips").get(0).asLong()).isPositive();
        assertThat(rows.json().get("flips")).isNotEqualTo(fj.get("flips"));
    }

    @Test
    void badInputsAreOneLineExitTwoWithoutOutputFiles(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path out = tmp.resolve("m.uvnn");
        CliRun lenet = run("train", "--network", "lenet5", "--data-dir", data.toString(), "--epochs", "1", "--out", out.toString());
        assertThat(lenet.exit()).isEqualTo(2);
        assertThat(lenet.err().strip().lines()).hasSize(1);
        assertThat(lenet.err()).contains("lenet5 needs 28x28 images");
        assertThat(out).doesNotExist();

        CliRun unknown = run("train", "--network", "alexnet", "--data-dir", data.toString(), "--out", out.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown network 'alexnet'");

        CliRun epochs = run("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "0", "--out", out.toString());
        assertThat(epochs.exit()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs 0");

        CliRun missing = run("eval", "--model", tmp.resolve("nope.uvnn").toString(), "--data-dir", data.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("no such checkpoint file");

        Path junk = tmp.resolve("junk.uvnn");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
        CliRun corrupt = run("eval", "--model", junk.toString(), "--data-dir", data.toString());
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err()).contains("wrong magic");

        assertThat(run("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "1", "--out", out.toString()).exit())
                .isZero();
        CliRun human = run("eval", "--model", out.toString(), "--data-dir", data.toString(), "--format", "int8", "--ber", "1e-4",
                "--trials", "1");
        assertThat(human.exit()).as(human.err()).isZero();
        assertThat(human.out()).contains("BER 1e-4, 1 trial)").doesNotContainPattern(HelpExamplesRunTest.RAW_NUMBER.pattern());
        CliRun ber = run("eval", "--model", out.toString(), "--data-dir", data.toString(), "--ber", "1.5");
        assertThat(ber.exit()).isEqualTo(2);
        assertThat(ber.err()).contains("--ber 1.5");
        CliRun mnistShape = run("eval", "--model", out.toString(), "--dataset", "mnist", "--test-images", "10");
        assertThat(mnistShape.exit()).isEqualTo(2);
        assertThat(mnistShape.err()).contains("model reads 64 values per image");
    }

    @Test
    void benchReportsThroughputAndAccuracy(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        CliRun b = run("nn-bench", "--network", "mlp", "--data-dir", data.toString(), "--passes", "3", "--threads", "1", "--json");
        assertThat(b.exit()).as(b.err()).isZero();
        JsonNode j = b.json();
        assertThat(j.get("train_images").asInt()).isEqualTo(400);
        assertThat(j.get("threads").asInt()).isEqualTo(1);
        assertThat(j.get("epoch_seconds").asDouble()).isPositive();
        assertThat(j.get("train_images_per_second").asDouble())
                .isCloseTo(400 / j.get("epoch_seconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(j.get("infer_images_per_second").asDouble()).isPositive();
        assertThat(j.get("test_accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(j.get("int8_images_per_second").asDouble()).isPositive();
        assertThat(j.get("int8_accuracy").asDouble()).isGreaterThan(j.get("test_accuracy").asDouble() - 0.05);
        org.undervolt.nn.kernel.Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void benchTimesTheGreyscaleModelsOnly(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        CliRun vgg = run("nn-bench", "--network", "vgg-small", "--data-dir", data.toString(), "--repeats", "1");
        assertThat(vgg.exit()).isEqualTo(2);
        assertThat(vgg.err().strip()).hasLineCount(1).contains("--network vgg-small").contains("MNIST networks (mlp, mlp-256, lenet5) only");
        CliRun unknown = run("nn-bench", "--network", "vgg99");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--network").contains("[mlp, mlp-256, lenet5, vgg-small, resnet20]");
    }
}
