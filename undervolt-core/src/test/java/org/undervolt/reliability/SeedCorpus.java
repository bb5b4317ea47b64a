package org.undervolt.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.ErrorBitmap;
import org.undervolt.dram.error.ErrorBitmapFile;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.io.TrainingState;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OnnxWriter;
import org.undervolt.nn.onnx.SequentialExporter;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.RetrainCheckpoint;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;

/**
 * Writes the generated part of the seed corpus (small valid files of every format) under
 * {@code ParserFuzzTestInputs/}; the hand-picked files (memspecs, traces) were copied from the golden DRAM test
 * data, {@code src/test/resources/golden/dram} (DRAMPower 4.1 and 5.1 memspecs and traces; each case in its
 * {@code results.json} names the tool version and command). Run once when a format changes:
 * <pre>java -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt) \
 *     org.undervolt.reliability.SeedCorpus src/test/resources/org/undervolt/reliability/ParserFuzzTestInputs</pre>
 */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        ImageDataset tiny = SyntheticDatasets.separableBlobs(3, 4, 4, 10, 7);
        Path tmp = Files.createTempDirectory("seeds");
        IdxWriter.write(tiny, tmp.resolve("i"), tmp.resolve("l"), false);
        put(root, "idxImages", "tiny-3x4x4.idx", Files.readAllBytes(tmp.resolve("i")));
        put(root, "idxLabels", "tiny-3.idx", Files.readAllBytes(tmp.resolve("l")));
        IdxWriter.write(tiny, tmp.resolve("i"), tmp.resolve("l"), true);
        put(root, "idxImages", "tiny-3x4x4.idx.gz", Files.readAllBytes(tmp.resolve("i")));
        put(root, "idxLabels", "tiny-3.idx.gz", Files.readAllBytes(tmp.resolve("l")));

        byte[] cifar = new byte[2 * 3073];
        new SplittableRandom(3).nextBytes(cifar);
        cifar[0] = 3;
        cifar[3073] = 9;
        put(root, "cifar", "two-records.bin", cifar);

        RequestTrace rt = RequestTrace.uniformRandom(12, 1 << 20, 0.3, 5);
        rt.writeLoadStore(tmp.resolve("rt"));
        put(root, "requestTrace", "random-12.trace", Files.readAllBytes(tmp.resolve("rt")));

        long[] failed = {3, 77, 1000};
        ErrorBitmap bm = new ErrorBitmap(0xAA, 1.1, 13.75, 2, 2, 4, 16, failed);
        StringWriter w = new StringWriter();
        ErrorBitmapFile.write(bm, w);
        put(root, "errorBitmap", "three-failures.txt", w.toString().getBytes(StandardCharsets.UTF_8));

        Sequential mlp = Mlp.create(new int[] {4, 3, 2}, 11);
        ByteArrayOutputStream ck = new ByteArrayOutputStream();
        Checkpoint.write(mlp, Map.of("model", "mlp"), ck);
        put(root, "checkpoint", "mlp-4-3-2.uvnn", ck.toByteArray());
        put(root, "checkpointBody", "mlp-4-3-2.uvnn", ck.toByteArray());

        RetrainCheckpoint.write(tmp.resolve("rc"), new RetrainCheckpoint.Parts("{\"step\":1}", mlp,
                Mlp.create(new int[] {4, 3, 2}, 12), Mlp.create(new int[] {4, 3, 2}, 13)));
        put(root, "retrainCheckpointBody", "mlp-4-3-2.uvrt", Files.readAllBytes(tmp.resolve("rc")));

        ByteArrayOutputStream snn = new ByteArrayOutputStream();
        SnnModelFile.write(SnnModel.initial(2, 3), snn);
        put(root, "snnModel", "two-neurons.snn", snn.toByteArray());

        put(root, "onnx", "mlp-4-3-2.onnx", OnnxWriter.encode(SequentialExporter.export(mlp, "mlp")));

        TrainingState.save(tmp.resolve("ts"), "mlp|sgd|cosine", List.of(0.5, 0.25), 10, mlp,
                List.of(new float[] {0.1f, -0.2f, 0.3f}, new float[] {1f, 2f}));
        put(root, "trainingStateBody", "mlp-4-3-2.state", Files.readAllBytes(tmp.resolve("ts")));
        put(root, "snnCheckpointBody", "two-neurons.ckpt", snn.toByteArray());
        put(root, "edenConfig", "mlp.json", "{\"network\": \"mlp\", \"trials\": 3, \"tolerance_ber_max\": 0.05, \"data\": [\"weights\"]}\n"
                .getBytes(StandardCharsets.UTF_8));
        put(root, "sparkxdConfig", "n10.json", "{\"neurons\": 10, \"train_images\": 40, \"label_images\": 20, \"format\": \"fp16\", \"ber_max\": 0.001}\n"
                .getBytes(StandardCharsets.UTF_8));
        // the YAML syntax of the same configs (a file that does not start with '{' is read as YAML)
        put(root, "edenConfig", "eden-mlp-fashion.yaml", Files.readAllBytes(Path.of("..", "examples", "eden-mlp-fashion.yaml")));
        put(root, "sparkxdConfig", "n10.yaml", "# the n10.json seed in YAML\nneurons: 10\ntrain_images: 40\nlabel_images: 20\nformat: fp16   # stored weights\nber_max: 1.0e-3\n"
                .getBytes(StandardCharsets.UTF_8));
        put(root, "sweepSpec", "mlp.json", ("{\"networks\": [{\"name\": \"mlp\", \"checkpoint\": \"mlp.uvnn\"}], "
                + "\"dataset\": \"mnist\", \"test_images\": 100, \"profile_images\": 50, \"error_models\": [\"uniform\", "
                + "\"bitline:0.5\"], \"bers\": [1e-5, 1e-3], \"trials\": 2, \"seed\": 1, \"data\": [\"weights\"], "
                + "\"weight_format\": \"int8\"}\n").getBytes(StandardCharsets.UTF_8));

        put(root, "berVddTable", "builtin.csv", resource("/org/undervolt/dram/error/ber_vdd_ddr3l_voltron_vendorB.csv"));
        put(root, "deviceTable", "builtin.csv", resource("/org/undervolt/dram/device/devices_voltron_vdd.csv"));
        put(root, "vddTimingTable", "builtin.csv", resource("/org/undervolt/dram/timing/vdd_timing_voltron_spice.csv"));
        put(root, "dramPreset", "LPDDR3.json", resource("/org/undervolt/dram/presets/LPDDR3-1600_4Gb_x32.json"));
        put(root, "memspec", "preset-DDR4.json", resource("/org/undervolt/dram/presets/DDR4-2400_4Gb_x8.json"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SeedCorpus.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static void put(Path root, String target, String name, byte[] content) throws IOException {
        Path dir = root.resolve(target);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
        System.out.println(dir.resolve(name) + " " + content.length + " bytes " + Arrays.hashCode(content));
    }
}
