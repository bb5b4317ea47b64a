package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;


/**
 * Model files that decode but cannot be used, and models that do not fit the data set (issue 11, found by fuzzing):
 * a checkpoint without a weighted layer, one with fewer outputs than the data set has classes, an SNN model with a
 * neuron label outside -1..9 or a negative count of images trained, and images of another size than the network
 * reads. Every command that reads them must exit 2 with exactly the one line given here, before any work, print
 * nothing on stdout and leave no file behind ({@link BadInputsTest}'s rule; {@code DIR} is the fixture folder).
 */
class ModelInputsBadInputsTest {
    private static Path dir;

    /** A bad input: what it is, the command line and the whole message on stderr ({@code DIR} = the fixture folder). */
    record Case(String what, String args, String message) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static final String DATA = " --data-dir DIR/data --test-images 20";
    private static final String TOLERANCE = " --test-images 20 --profile-images 20 --trials 2 --ber-min 1e-4 --ber-max 1e-3 "
            + "--bisections 0";
    private static final String RETRAIN = " --network mlp --out DIR/out/r --data-dir DIR/data --epochs 1 --train-images 100 "
            + "--validation-images 20 --profile-images 20";
    private static final String NO_WEIGHTED = ": no weighted layer: expected a network with at least one weighted (dense or "
            + "conv) layer";
    private static final String OUT5 = "undervolt: DIR/out5.uvnn: model has 5 outputs, data set ";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("eval: a checkpoint without layers", "eval --model DIR/none.uvnn --ber 1e-3 --trials 1 --format int8"
                        + DATA, "undervolt: DIR/none.uvnn" + NO_WEIGHTED),
                new Case("eval: a checkpoint of a ReLU alone", "eval --model DIR/relu.uvnn" + DATA,
                        "undervolt: DIR/relu.uvnn" + NO_WEIGHTED),
                new Case("map: a checkpoint without layers", "map --model DIR/none.uvnn --weights-ber 1e-4",
                        "undervolt: DIR/none.uvnn" + NO_WEIGHTED),
                new Case("tolerance: a checkpoint of a ReLU alone", "tolerance --model DIR/relu.uvnn --out DIR/out/t"
                        + " --data-dir DIR/data" + TOLERANCE, "undervolt: DIR/relu.uvnn" + NO_WEIGHTED),
                new Case("retrain: a checkpoint without layers", "retrain --model DIR/none.uvnn" + RETRAIN,
                        "undervolt: DIR/none.uvnn" + NO_WEIGHTED),
                new Case("retrain: 5 outputs for 10 classes", "retrain --model DIR/out5.uvnn" + RETRAIN,
                        OUT5 + "DIR/data/train has 10 classes"),
                new Case("tolerance: 5 outputs for 10 classes", "tolerance --model DIR/out5.uvnn --out DIR/out/t"
                        + " --data-dir DIR/data" + TOLERANCE, OUT5 + "DIR/data/test[0:20] has 10 classes"),
                new Case("sweep: a network of 5 outputs for 10 classes", "sweep DIR/sweep-out5.json --store DIR/out/s.db",
                        "undervolt: sweep network mlp: model has 5 outputs, data set synthetic/blobs-10-seed1[20:40][0:20] has "
                                + "10 classes"),
                new Case("snn eval: a neuron label of 99", "snn eval --model DIR/label99.snn" + DATA,
                        "undervolt: DIR/label99.snn: neuron 2 has label 99, expected -1 (unassigned) or a class 0..9 "
                                + "(SNN model format v1)"),
                new Case("tolerance: an SNN neuron label of -5", "tolerance --model DIR/labelneg5.snn --out DIR/out/t"
                        + " --data-dir DIR/data" + TOLERANCE, "undervolt: DIR/labelneg5.snn: neuron 2 has label -5, "
                                + "expected -1 (unassigned) or a class 0..9 (SNN model format v1)"),
                new Case("snn train: a checkpoint of -78400 images trained", "snn train --neurons 4 --train-images 60"
                        + DATA + " --checkpoint DIR/imgsneg.snn --out DIR/out/s.snn", "undervolt: DIR/imgsneg.snn: "
                                + "imagesTrained -78400, expected a count of training images >= 0 (SNN model format v1)"),
                new Case("snn eval: a model of -78400 images trained", "snn eval --model DIR/imgsneg.snn" + DATA,
                        "undervolt: DIR/imgsneg.snn: imagesTrained -78400, expected a count of training images >= 0 "
                                + "(SNN model format v1)"),
                new Case("tolerance: 14x14 images for a 784-input network", "tolerance --model DIR/good.uvnn --out DIR/out/t"
                        + " --data-dir DIR/img14" + TOLERANCE, "undervolt: DIR/good.uvnn: model reads 784 values per image, "
                                + "data set DIR/img14/test[0:20] has 14x14 images"),
                new Case("train: 14x14 test images, 28x28 training images", "train --network mlp --epochs 1 "
                        + "--data-dir DIR/test14 --out DIR/out/t.uvnn", "undervolt: mlp: model reads 784 values per image, "
                                + "data set DIR/test14/test has 14x14 images"),
                new Case("tolerance: 14x14 images for an SNN", "tolerance --model DIR/good.snn --out DIR/out/t"
                        + " --data-dir DIR/img14" + TOLERANCE, "undervolt: DIR/img14/test: images are 14x14, the SNN "
                                + "expects 28x28"),
                new Case("sweep: 14x14 images for a 784-input network", "sweep DIR/sweep-img14.json --store DIR/out/s.db",
                        "undervolt: sweep network mlp: model reads 784 values per image, data set "
                                + "synthetic/blobs-10-seed1[20:40][0:20] has 14x14 images"));
    }

    @BeforeAll
    static void fixtures() throws IOException {
        dir = Files.createTempDirectory("undervolt-model-inputs");
        Files.createDirectories(dir.resolve("out"));
        idx("data", 28, 28, 28, 28);
        idx("img14", 14, 14, 14, 14);
        idx("test14", 28, 28, 14, 14);
        Checkpoint.save(new Sequential(new int[] {784}, List.of()), Map.of(), dir.resolve("none.uvnn"));
        Checkpoint.save(new Sequential(new int[] {784}, List.of(new Relu("r"))), Map.of(), dir.resolve("relu.uvnn"));
        Checkpoint.save(Mlp.create(new int[] {784, 8, 5}, 1), Map.of("model", "mlp"), dir.resolve("out5.uvnn"));
        Checkpoint.save(Mlp.create(new int[] {784, 8, 10}, 1), Map.of("model", "mlp"), dir.resolve("good.uvnn"));
        snn("good.snn", 1, 0);
        snn("label99.snn", 99, 0);
        snn("labelneg5.snn", -5, 0);
        snn("imgsneg.snn", 1, -78_400);
        sweep("sweep-out5.json", "out5.uvnn", "28x28");
        sweep("sweep-img14.json", "good.uvnn", "14x14");
    }

    /** An IDX data set folder: 200 training images of trainRows x trainCols, 40 test images of testRows x testCols. */
    private static void idx(String name, int trainRows, int trainCols, int testRows, int testCols) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        IdxWriter.write(SyntheticDatasets.separableBlobs(200, trainRows, trainCols, 10, 1), d.resolve("train-images-idx3-ubyte"),
                d.resolve("train-labels-idx1-ubyte"), false);
        IdxWriter.write(SyntheticDatasets.separableBlobs(40, testRows, testCols, 10, 2), d.resolve("t10k-images-idx3-ubyte"),
                d.resolve("t10k-labels-idx1-ubyte"), false);
    }

    /** A 3-neuron SNN model (valid CRC) whose last neuron has {@code label}, trained on {@code images} images. */
    private static void snn(String name, int label, long images) {
        SnnModel m = SnnModel.initial(3, 1);
        SnnModelFile.write(new SnnModel(3, 1, m.weights(), m.theta(), m.delays(), new int[] {0, -1, label}, images),
                dir.resolve(name));
    }

    private static void sweep(String name, String checkpoint, String size) throws IOException {
        Files.writeString(dir.resolve(name), "{\"networks\": [{\"label\": \"mlp\", \"checkpoint\": \"" + checkpoint + "\"}], "
                + "\"dataset\": \"synthetic:20:" + size + ":10:1\", \"test_images\": 20, \"profile_images\": 20, "
                + "\"error_models\": [\"uniform\"], \"bers\": [0.001], \"trials\": 1, \"seed\": 1, \"data\": [\"weights\"], "
                + "\"weight_format\": \"int8\"}", StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusedBeforeAnyWorkWithOneLineAndExitTwo(Case k) throws IOException {
        Set<String> before = FixtureFolder.listing(dir);
        CliRun r = FixtureFolder.run(k.args(), dir);
        assertThat(r.exit()).as("exit code; stderr: " + FixtureFolder.message(r, dir)).isEqualTo(UndervoltCli.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).as("stderr lines").hasSize(1);
        assertThat(FixtureFolder.message(r, dir)).isEqualTo(k.message());
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(FixtureFolder.listing(dir)).as("files left behind").isEqualTo(before);
    }
}
