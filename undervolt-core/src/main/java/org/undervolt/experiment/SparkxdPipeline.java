package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.io.Json;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnFatRun;
import org.undervolt.resilience.SnnFaultAwareTrainer;
import org.undervolt.usecase.RetrainRequest;
import org.undervolt.usecase.RetrainUseCase;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.WorkProgress;
import org.undervolt.snn.SnnRuns;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

/**
 * {@code undervolt sparkxd}: SparkXD (Putra, Hanif, Shafique, DAC 2021) end to end on the Diehl &amp;
 * Cook spiking network.
 *
 * <ol>
 *   <li>{@code train}: unsupervised STDP training, neuron labelling, test accuracy ({@link SnnRuns#train},
 *       checkpointed every {@code checkpoint_every} images);</li>
 *   <li>{@code fault-aware-training}: STDP on weights read through the error model, the BER raised step
 *       by step, and a control trained identically without flips ({@link SnnFatRun}, checkpointed);</li>
 *   <li>{@code tolerance}: accuracy versus BER of the three networks, tolerable BER within delta of the
 *       baseline's error-free accuracy ({@link SnnToleranceStage}, point by point resumable);</li>
 *   <li>{@code fat-vs-control}: fault-aware and control network on the same error draws and test images at the
 *       control's first failing BER, with a sign test of "fault-aware training is no better" ({@link
 *       FatControlStage});</li>
 *   <li>{@code fat-vs-control-ber}: both networks' tolerable BER located on the same error draws by a paired
 *       bisection, with the bootstrap confidence that fault-aware training's lies above the control's ({@link
 *       FatControlCrossingStage}, point by point resumable);</li>
 *   <li>{@code placement}: the lowest module voltage at which the weights fit in locations whose BER the
 *       deployed network (the more tolerant of baseline and fault-aware) tolerates, DRMap order, one inference
 *       priced, energy versus VDD ({@link MappingStage}).</li>
 * </ol>
 */
public final class SparkxdPipeline {
    public static final String KIND = "sparkxd";

    private final PipelineConfig c;
    private final ImageDataset train;
    private final ImageDataset test;
    private final int threads;
    private final Consumer<String> log;

    private final TrialExecutor executor;

    /** @param threads SNN evaluation threads (results do not depend on it) */
    public SparkxdPipeline(PipelineConfig config, ImageDataset train, ImageDataset test, int threads, Consumer<String> log) {
        this(config, train, test, threads, log, TrialExecutor.LOCAL);
    }

    /** @param executor where the tolerance stage's Monte-Carlo trials run (the same results anywhere) */
    public SparkxdPipeline(PipelineConfig config, ImageDataset train, ImageDataset test, int threads, Consumer<String> log,
            TrialExecutor executor) {
        this.c = config;
        this.train = train;
        this.test = test;
        this.threads = threads;
        this.log = log;
        this.executor = executor;
    }

    /** Checks every setting: bad input is reported before any folder is made or work done. */
    public void check() {
        if (train.imageSize() != 784 || test.imageSize() != 784) {
            throw new InvalidInputException("sparkxd setting 'dataset' = " + c.text("dataset") + ": the spiking network "
                    + "reads 28x28 greyscale images (mnist, fashion-mnist or IDX files), these are " + train.rows() + "x"
                    + train.cols());
        }
        c.integer("neurons", 1, 65536);
        c.integer("seed", 0L, Long.MAX_VALUE);
        c.integer("train_images", 1L, 100_000_000L);
        c.integer("checkpoint_every", 1L, 100_000_000L);
        c.integer("label_images", 1, train.size());
        c.integer("test_images", 1, test.size());
        Formats.byName(c.text("format"));
        try {
            ReadCorrection.parse(c.text("read_correction"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("sparkxd setting 'read_correction' = " + c.text("read_correction")
                    + ": expected none, clamp or zero");
        }
        ErrorModelRegistry.family(c.text("error_model"), c.integer("device_seed", 0L, Long.MAX_VALUE));
        SnnFaultAwareTrainer.steps(c.number("ber_start", 1e-12, 1), c.number("ber_factor", 1.000001, 1000),
                c.number("ber_max", 1e-12, 1));
        c.integer("images_per_step", 1L, 100_000_000L);
        c.integer("inject_every", 1, 1_000_000);
        ToleranceStage.search(c);
        org.undervolt.resilience.Acceptance.Rule.parse(c.text("confidence"));
        ToleranceStage.evaluation(c);
        c.number("delta", 0, 1);
        MappingStage.check(c, "sparkxd");
    }

    /** {@code fault_aware}, or {@code baseline} where the baseline network tolerates a higher BER. */
    @SuppressWarnings("unchecked")
    static String deployed(Map<String, Object> tolerance) {
        double b = PipelineSummary.num(((Map<String, Object>) tolerance.get("baseline")).get("tolerable_ber"));
        double f = PipelineSummary.num(((Map<String, Object>) tolerance.get("fault_aware")).get("tolerable_ber"));
        return b > f ? "baseline" : "fault_aware";
    }

    /**
     * Which model decided the deployed network's tolerance: the location model's line ("weak-subarray: N of M weight
     * subarrays unsafe at V") or the uniform one's.
     */
    @SuppressWarnings("unchecked")
    static String weightErrors(Map<String, Object> tolerance, String deployed) {
        Map<String, Object> loc = (Map<String, Object>) ((Map<String, Object>) tolerance.get(deployed)).get("location");
        return loc == null ? "uniform: every stored weight at the axis BER" : String.valueOf(loc.get("line"));
    }

    public Map<String, Map<String, Object>> run(Stages stages) {
        check();
        int neurons = c.integer("neurons", 1, 65536);
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        long images = c.integer("train_images", 1L, 100_000_000L);
        int labelImages = c.integer("label_images", 1, train.size());
        int testImages = c.integer("test_images", 1, test.size());
        FormatSpec format = Formats.byName(c.text("format"));
        var errors = ErrorModelRegistry.family(c.text("error_model"), c.integer("device_seed", 0L, Long.MAX_VALUE));
        // weak_fraction below 1: FAT, tolerance and placement share one location model (issue 16 item 6)
        LocationStorage location = MappingStage.location(c);
        var uniformFat = new SnnFaultAwareTrainer.Config(SnnFaultAwareTrainer.steps(c.number("ber_start", 1e-12, 1),
                c.number("ber_factor", 1.000001, 1000), c.number("ber_max", 1e-12, 1)), c.integer("images_per_step", 1L,
                100_000_000L), c.integer("inject_every", 1, 1_000_000), format, errors,
                ReadCorrection.parse(c.text("read_correction")), seed);
        var fatConfig = location == null ? uniformFat : uniformFat.on(location);
        String fatErrors = location == null ? c.text("error_model") : location.describe();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        StageProgress progress = new StageProgress(log);

        Path trainDir = stages.folder("train");
        Path base = trainDir.resolve("base.snn");
        out.put("train", stages.run("train", () -> {
            long every = c.integer("checkpoint_every", 1L, 100_000_000L);
            WorkProgress stdp = progress.job("STDP training (images)");
            long[] resumedAt = {-1};
            SnnRuns.TrainResult r = SnnRuns.train(neurons, images, seed, train, test, labelImages, testImages, base,
                    trainDir.resolve("train.ckpt"), every, threads, (g, spikes, attempts) -> {
                        if (resumedAt[0] < 0) {
                            resumedAt[0] = g - 1; // the first image told is the first one trained now
                        }
                        stdp.update(g, resumedAt[0], images);
                    });
            return TrainStage.of(r, base);
        }));

        Path fatDir = stages.folder("fault-aware-training");
        out.put("fault-aware-training", stages.run("fault-aware-training", () -> {
            Map<String, Object> fat = RetrainUseCase.run(RetrainRequest.of(new SnnFatRun.Options(base,
                    fatConfig, fatErrors, new double[0], 1, labelImages, testImages, threads, fatDir), train, test), log,
                    progress.job("fault-aware training (images)")).report().json();
            java.util.List<Object> steps = null;
            if (location != null) {
                // each step's BER read as the device's voltage, and the weights' subarrays unsafe there
                long bytes = format.fit(new float[784 * neurons], new int[] {784, neurons}).byteLength(784 * neurons);
                steps = new java.util.ArrayList<>();
                for (double b : fatConfig.bers()) {
                    steps.add(location.at(b, bytes));
                }
            }
            return Json.fields(new FatStage(fat, steps));
        }));

        Map<String, Object> tol = stages.run("tolerance", () -> SnnToleranceStage.run(base, fatDir.resolve("fat.snn"),
                fatDir.resolve("control.snn"), c,
                format, test, threads, stages.folder("tolerance"), log, progress, executor, location));
        out.put("tolerance", tol);
        @SuppressWarnings("unchecked")
        Map<String, Object> controlTolerance = (Map<String, Object>) tol.get("control");
        out.put("fat-vs-control", stages.run("fat-vs-control", () -> FatControlStage.run(fatDir.resolve("fat.snn"),
                fatDir.resolve("control.snn"), controlTolerance, c, format, test, threads, location)));
        out.put("fat-vs-control-ber", stages.run("fat-vs-control-ber", () -> FatControlCrossingStage.run(
                fatDir.resolve("fat.snn"), fatDir.resolve("control.snn"), tol, c, format, test, threads, location,
                stages.folder("fat-vs-control-ber"), log)));
        PipelineRecords.curves(stages, out);
        PipelineRecords.trials(stages, out);

        // the network deployed is the more tolerant of baseline and fault-aware (a FAT network that lost more than
        // delta of accuracy tolerates nothing against the baseline's reference and is not deployed)
        String deployed = deployed(tol);
        @SuppressWarnings("unchecked")
        double tolerable = ((Number) ((Map<String, Object>) tol.get(deployed)).get("tolerable_ber")).doubleValue();
        Map<String, Object> placement = Json.fields(new Placement(stages.run("placement", () -> MappingStage.run(
                NetworkShapes.resolve("snn", null, neurons, c.text("format")), "sparkxd", c,
                new Tolerances(Map.of("weights", tolerable, "ifm", 0.0)), ((Map<?, ?>) tol.get("baseline")).get("tolerable_ber"),
                ((Map<?, ?>) tol.get("fault_aware")).get("tolerable_ber"))), deployed, weightErrors(tol, deployed)));
        out.put("placement", placement);
        PipelineRecords.mapping(stages, placement);
        return out;
    }

    /**
     * The fault-aware-training stage's result: the training's report, and with the location model each step's BER
     * read as the device's voltage with the weights' subarrays unsafe there.
     */
    private record FatStage(@Json.Inline Map<String, Object> report, @Json.OmitWhenNull List<Object> locationSteps) {
    }

    /**
     * The placement stage's result as the pipeline hands it on: the mapping stage's (as run, or read back), the network
     * deployed ({@link #deployed}) and which error model decided its tolerance ({@link #weightErrors}).
     */
    private record Placement(@Json.Inline Map<String, Object> stage, String deployedNetwork, String weightErrors) {
    }

    /** The train stage's result as JSON: its components are the keys, in order (snake_case, {@link Json#fields}). */
    record TrainStage(double accuracy, int neurons, long images, long resumedFrom, double trainSeconds, String modelFile) {
        static Map<String, Object> of(SnnRuns.TrainResult r, Path model) {
            return Json.fields(new TrainStage(r.accuracy(), r.neurons(), r.images(), r.resumedFrom(), r.trainSeconds(),
                    model.toString()));
        }
    }
}
