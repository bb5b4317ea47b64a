package org.undervolt.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import org.undervolt.data.CifarBinaryReader;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.data.IdxReader;
import org.undervolt.dram.error.BerVoltageTable;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.error.ErrorBitmapFile;
import org.undervolt.dram.sim.LoadStoreTraceReader;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.PresetFormat;
import org.undervolt.dram.spec.VoltageTimingTable;
import org.undervolt.dram.trace.TraceReader;
import org.undervolt.experiment.EdenPipeline;
import org.undervolt.experiment.PipelineConfig;
import org.undervolt.experiment.SparkxdPipeline;
import org.undervolt.experiment.SweepSpecReader;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.Tolerances;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.io.TrainingState;
import org.undervolt.nn.onnx.OnnxModel;
import org.undervolt.nn.onnx.OnnxReader;
import org.undervolt.nn.onnx.SequentialImporter;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.RetrainCheckpoint;
import org.undervolt.snn.SnnModelFile;

/**
 * Every file format Undervolt reads, as a function of the file's bytes. The fuzz tests
 * ({@link ParserFuzzTest}) and the damaged-input sweep ({@link DamagedInputsTest}) drive these; each
 * target's seed files live in {@code src/test/resources/org/undervolt/reliability/ParserFuzzTestInputs/<method>/}.
 *
 * <p>The checkpoint formats end in a CRC-32 that almost every mutation breaks; their {@code *_BODY}
 * twins recompute it first, so that damage reaches the decoder behind the check.
 */
public enum ParserTarget {
    IDX_IMAGES("idxImages", b -> IdxReader.readImages(b, "fuzz.idx")),
    IDX_LABELS("idxLabels", b -> IdxReader.readLabels(b, "fuzz.idx", 10)),
    CIFAR("cifar", b -> CifarBinaryReader.read(b, "fuzz.bin")),
    MEMSPEC("memspec", b -> MemspecLoader.parse("fuzz.memspec", utf8(b))),
    DRAM_PRESET("dramPreset", b -> PresetFormat.read("fuzz.json", new ByteArrayInputStream(b))),
    COMMAND_TRACE("commandTrace", b -> TraceReader.read("fuzz.trace", new StringReader(utf8(b)), Org.DDR4, null)),
    REQUEST_TRACE("requestTrace", b -> LoadStoreTraceReader.read("fuzz.trace", new ByteArrayInputStream(b))),
    ERROR_BITMAP("errorBitmap", b -> inTempFile(b, ErrorBitmapFile::read)),
    BER_VDD_TABLE("berVddTable", b -> BerVoltageTable.load("fuzz.csv", new ByteArrayInputStream(b))),
    DEVICE_TABLE("deviceTable", b -> org.undervolt.dram.device.DeviceTable.read("fuzz.csv", "fuzz", new ByteArrayInputStream(b))),
    VDD_TIMING_TABLE("vddTimingTable", b -> VoltageTimingTable.load("fuzz.csv", new ByteArrayInputStream(b))),
    CHECKPOINT("checkpoint", b -> Checkpoint.read(new ByteArrayInputStream(b), "fuzz.uvnn")),
    CHECKPOINT_BODY("checkpointBody", b -> Checkpoint.read(new ByteArrayInputStream(withCrc(b)), "fuzz.uvnn")),
    RETRAIN_CHECKPOINT_BODY("retrainCheckpointBody", b -> inTempFile(withCrc(b), RetrainCheckpoint::read)),
    SNN_MODEL("snnModel", b -> SnnModelFile.read(new ByteArrayInputStream(b), "fuzz.snn")),
    TOLERANCES("tolerances", b -> inTempFile(b, Tolerances::load)),
    PARTITIONS("partitions", b -> inTempFile(b, f -> PartitionSet.load(f, Org.MODULE, Org.BERS,
            VoltageScaling.parse("quadratic")))),
    ONNX("onnx", b -> {
        OnnxModel m = OnnxReader.decode(b, "fuzz.onnx");
        SequentialImporter.convert(m, "fuzz.onnx");
    }),
    /** The resumable state of {@code undervolt train} (model, losses, optimizer), CRC repaired. */
    TRAINING_STATE_BODY("trainingStateBody", b -> inTempFile(withCrc(b), f -> {
        try {
            TrainingState.load(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    })),
    /** An SNN checkpoint ({@code snn train --checkpoint}; the model format), CRC repaired. */
    SNN_CHECKPOINT_BODY("snnCheckpointBody", b -> SnnModelFile.read(new ByteArrayInputStream(withCrc(b)), "fuzz.ckpt")),
    /** An EDEN pipeline {@code --config} file (JSON, or YAML when it does not start with '{'), overlaid on the quick preset and checked as the pipeline does. */
    EDEN_CONFIG("edenConfig", b -> inTempFile(b, f -> new EdenPipeline(PipelineConfig.preset(EdenPipeline.KIND, "quick")
            .withFile(f), Tiny.TRAIN, Tiny.TEST, m -> { }).check())),
    /** A SparkXD pipeline {@code --config} JSON file, likewise. */
    SPARKXD_CONFIG("sparkxdConfig", b -> inTempFile(b, f -> new SparkxdPipeline(PipelineConfig.preset(SparkxdPipeline.KIND,
            "quick").withFile(f), Tiny.TRAIN, Tiny.TEST, 1, m -> { }).check())),
    /** A sweep spec JSON file, in a folder holding the checkpoint {@code mlp.uvnn} it may name. */
    SWEEP_SPEC("sweepSpec", b -> {
        Path f = Files.createTempFile(Tiny.SPEC_DIR, "spec", ".json");
        try {
            Files.write(f, b);
            SweepSpecReader.read(f);
        } finally {
            Files.deleteIfExists(f);
        }
    });

    /** A parse of one input. */
    @FunctionalInterface
    interface Body {
        void parse(byte[] input) throws Exception;
    }

    private final String method;
    private final Body body;

    ParserTarget(String method, Body body) {
        this.method = method;
        this.body = body;
    }

    /** The fuzz-test method, and the name of the seed folder. */
    public String method() {
        return method;
    }

    /** Parses {@code input} and checks {@link ParseProperty}; true if accepted. */
    public boolean check(byte[] input) {
        return ParseProperty.check(name(), input.length, () -> body.parse(input));
    }

    /** Classpath folder of this target's seeds. */
    public String seedFolder() {
        return "/org/undervolt/reliability/ParserFuzzTestInputs/" + method;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** {@code b} with its last 4 bytes replaced by the big-endian CRC-32 of the bytes before them. */
    static byte[] withCrc(byte[] b) {
        if (b.length < 4) {
            return b;
        }
        byte[] c = b.clone();
        CRC32 crc = new CRC32();
        crc.update(c, 0, c.length - 4);
        int v = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            c[c.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
        }
        return c;
    }

    /** For the readers that only take a path: writes {@code b} to a temporary file, reads it, deletes it. */
    private static void inTempFile(byte[] b, java.util.function.Consumer<Path> reader) throws IOException {
        Path f = Files.createTempFile("undervolt-fuzz", ".bin");
        try {
            Files.write(f, b);
            reader.accept(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /**
     * Data sets whose sizes the pipelines check image counts against (as large as the quick presets ask
     * for; 28 x 28 pixels, the shape the spiking network checks for), and a folder with a checkpoint for
     * sweep specs.
     */
    private static final class Tiny {
        static final ImageDataset TRAIN = SyntheticDatasets.separableBlobs(2000, 28, 28, 10, 1);
        static final ImageDataset TEST = SyntheticDatasets.separableBlobs(1000, 28, 28, 10, 2);
        static final Path SPEC_DIR = specDir();

        private static Path specDir() {
            try {
                Path d = Files.createTempDirectory("undervolt-fuzz-spec");
                d.toFile().deleteOnExit();
                Path ck = d.resolve("mlp.uvnn");
                Checkpoint.save(Mlp.create(new int[] {784, 4, 10}, 1), java.util.Map.of("model", "mlp"), ck);
                ck.toFile().deleteOnExit();
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Organisations the trace targets check bank/rank ranges against. */
    private static final class Org {
        static final Organization DDR4 = DramPresets.get("DDR4-2400").organization();
        static final DramModule MODULE = DramModule.of(DramPresets.get("LPDDR3-1600_4Gb_x32"));
        static final OperatingPointBer BERS = OperatingPointBer.builtin(MODULE);
    }
}
