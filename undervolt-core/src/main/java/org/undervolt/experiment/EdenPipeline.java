package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.mapping.LayerShape;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OnnxImport;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.usecase.RetrainRequest;
import org.undervolt.usecase.RetrainUseCase;
import org.undervolt.usecase.TrainRequest;
import org.undervolt.usecase.TrainUseCase;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.io.Json;
import org.undervolt.resilience.CurricularRetrainer;
import org.undervolt.resilience.CurriculumSchedule;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.DnnModels;
import org.undervolt.resilience.RetrainRun;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.WorkProgress;

/**
 * {@code undervolt eden}: EDEN (Koppula et al., MICRO 2019) end to end on one DNN.
 *
 * <ol>
 *   <li>{@code model}: train the baseline ({@link ZooModel}: mlp, lenet5, vgg-small,
 *       resnet20; SGD as {@link DnnModels#baseline}, resumable per epoch) or import it from ONNX
 *       ({@link OnnxImport}) or take a {@code .uvnn} file;</li>
 *   <li>{@code retrain}: curricular retraining, errors in stored weights and IFMs ({@link RetrainRun},
 *       checkpointed every epoch);</li>
 *   <li>{@code tolerance-baseline}: coarse tolerable BER of the baseline network ({@link ToleranceStage});</li>
 *   <li>{@code tolerance-retrained}: coarse and fine (per layer × data type) tolerable BER of the
 *       retrained network, measured against the baseline network's error-free accuracy (EDEN's
 *       "within 1% of the original accuracy"), the fine combination validated;</li>
 *   <li>{@code mapping}: every data item to a DRAM partition whose BER it tolerates, one inference priced at
 *       nominal and chosen VDD/tRCD, plus the energy-versus-VDD sweep ({@link MappingStage}).</li>
 * </ol>
 * Each stage is done once per run folder ({@link Stages}); a killed run continues where it stopped.
 */
public final class EdenPipeline {
    public static final String KIND = "eden";

    private final PipelineConfig c;
    private final ImageDataset train;
    private final ImageDataset test;
    private final Consumer<String> log;
    private final TrialExecutor executor;

    public EdenPipeline(PipelineConfig config, ImageDataset train, ImageDataset test, Consumer<String> log) {
        this(config, train, test, log, TrialExecutor.LOCAL);
    }

    /** @param executor where the tolerance stages' Monte-Carlo trials run (the same results anywhere) */
    public EdenPipeline(PipelineConfig config, ImageDataset train, ImageDataset test, Consumer<String> log,
            TrialExecutor executor) {
        this.c = config;
        this.train = train;
        this.test = test;
        this.log = log;
        this.executor = executor;
    }

    /** Checks every setting: bad input is reported before any folder is made or work done. */
    public void check() {
        if (c.optionalText("model") == null) {
            try {
                checkNetwork(network(), shape(), train.numClasses());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("eden setting 'network' = " + c.text("network") + ": " + e.getMessage());
            }
        }
        String scheme = c.text("scheme");
        if (!List.of("eden", "eden-exact").contains(scheme)) {
            throw new InvalidInputException("eden setting 'scheme' = " + scheme + ": expected eden or eden-exact");
        }
        c.integer("validation_images", 1, train.size() - 1);
        c.integer("train_images", 1, 10_000_000);
        c.integer("base_epochs", 1, 1000);
        c.integer("base_train_images", 1, 10_000_000);
        retrainConfig();
        ToleranceStage.options(Path.of("."), true, null, c, Path.of("."));
        org.undervolt.storage.Formats.byName(c.text("format"));
        org.undervolt.storage.Formats.byName(c.text("ifm_format"));
        org.undervolt.dram.error.ErrorModelRegistry.family(c.text("error_model"), c.integer("device_seed", 0L, Long.MAX_VALUE));
        MappingStage.check(c, scheme);
    }

    /** Bad input unless {@code network} reads images of {@code shape} and the mapping stage can lay it out. */
    static void checkNetwork(ZooModel network, ImageShape shape, int classes) {
        LayerShape.of(network.create(shape, classes, 1));
    }

    /** Runs (or resumes) every stage; returns the stage results by name. */
    public Map<String, Map<String, Object>> run(Stages stages) {
        check();
        String network = c.text("network");
        String scheme = c.text("scheme");
        StageProgress progress = new StageProgress(log);
        int validation = c.integer("validation_images", 1, train.size() - 1);
        ImageDataset pool = train.slice(0, train.size() - validation);
        ToleranceStage.setup(c); // checks the setup settings before any work
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();

        Map<String, Object> model = stages.run("model", () -> baseline(pool, stages.folder("model"), progress));
        out.put("model", model);
        Path base = stages.file("model", (String) model.get("model_file"));

        Map<String, Object> retrain = stages.run("retrain", () -> RetrainUseCase.run(RetrainRequest.of(new RetrainRun.Options(
                network, base, 0, c.integer("train_images", 1, 10_000_000), validation, retrainConfig(), ToleranceStage.setup(c),
                stages.folder("retrain")), train), log, progress.job("retraining (batches)")).report().json());
        out.put("retrain", retrain);
        Path retrained = stages.file("retrain", (String) retrain.get("model_file"));

        Map<String, Object> tolBase = stages.run("tolerance-baseline", () -> ToleranceStage.run(base, false, null, c,
                train, test, stages.folder("tolerance-baseline"), log, progress.trials("tolerance-baseline"), executor));
        out.put("tolerance-baseline", tolBase);
        // EDEN's constraint: within delta of the ORIGINAL network's accuracy, also after retraining.
        Double reference = ((Number) tolBase.get("baseline_accuracy")).doubleValue();
        Map<String, Object> tol = stages.run("tolerance-retrained", () -> ToleranceStage.run(retrained, true, reference,
                c, train, test, stages.folder("tolerance-retrained"), log, progress.trials("tolerance-retrained"), executor));
        out.put("tolerance-retrained", tol);
        PipelineRecords.curves(stages, out);
        PipelineRecords.trials(stages, out);

        Map<String, Object> mapping = stages.run("mapping", () -> MappingStage.run(
                NetworkShapes.resolve(network, retrained, 0, c.text("format")), scheme, c,
                tolerances(stages.file("tolerance-retrained", (String) tol.get("tolerance_file"))), coarse(tolBase),
                coarse(tol)));
        out.put("mapping", mapping);
        PipelineRecords.mapping(stages, mapping);
        return out;
    }

    /** A tolerance stage's coarse tolerable BER (as {@link PipelineSummary} reads it). */
    @SuppressWarnings("unchecked")
    private static Object coarse(Map<String, Object> tolerance) {
        return ((Map<String, Object>) tolerance.get("coarse")).get("tolerable_ber");
    }

    /**
     * The tolerable BERs the mapping honours: the tolerance file's, with the data kinds this run kept out of
     * approximate DRAM (e.g. {@code data: [weights]}) at BER 0, i.e. placed in the nominal partition.
     */
    private Tolerances tolerances(Path file) {
        JsonNode bers;
        try {
            bers = Json.mapper().readTree(file.toFile()).path("combination").path("bers");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!bers.isObject()) {
            return Tolerances.load(file); // coarse only: it knows which kinds were in DRAM
        }
        Map<String, Double> m = new LinkedHashMap<>();
        bers.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
        java.util.Set<DataKind> inDram = ToleranceStage.setup(c).kinds();
        for (DataKind k : DataKind.values()) {
            if (!inDram.contains(k)) {
                m.putIfAbsent(k.label(), 0.0);
            }
        }
        return new Tolerances(m);
    }

    /** The network to train, from the {@code network} setting. */
    private ZooModel network() {
        try {
            return ZooModel.parse(c.text("network"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("eden setting 'network' = " + c.text("network") + ": expected one of "
                    + ZooModel.names() + " (or give 'model')");
        }
    }

    /** The shape of one image: CIFAR-10 is 3×32×32 (its planes stacked per image), others greyscale. */
    private ImageShape shape() {
        return PipelineData.isCifar(c.text("dataset")) ? new ImageShape(3, 32, 32)
                : new ImageShape(1, train.rows(), train.cols());
    }

    private Map<String, Object> baseline(ImageDataset pool, Path folder, StageProgress progress) {
        String given = c.optionalText("model");
        Path file;
        Object onnx = null;
        String source;
        if (given == null) {
            file = folder.resolve("base.uvnn");
            int epochs = c.integer("base_epochs", 1, 1000);
            long seed = c.integer("seed", 0L, Long.MAX_VALUE);
            ImageDataset data = pool.slice(0, Math.min(pool.size(), c.integer("base_train_images", 1, 10_000_000)));
            // SGD defaults, constant rate (as DnnModels.baseline); resumable epoch by epoch
            Sequential m = network().create(shape(), train.numClasses(), seed);
            log.accept("baseline: training " + network().id() + " for " + epochs + " epoch(s) on " + data.size() + " images");
            WorkProgress epochsDone = progress.job("baseline training (epochs)");
            TrainUseCase.run(TrainRequest.sgd(m, data, TrainConfig.defaults(epochs, seed),
                    new Trainer.Resume(folder.resolve("base.state"), "eden baseline " + network().id())), (e, resumed, loss, s) -> {
                log.accept(String.format(java.util.Locale.ROOT, "baseline epoch %d/%d: loss %.4f (%.1f s)", e, epochs, loss, s));
                epochsDone.update(e, resumed, epochs);
            });
            DnnModels.save(m, Map.of("description", network().id() + " epochs=" + epochs + " seed=" + seed + " train="
                    + data.name() + "/" + data.size()), file);
            source = "trained: " + network().id() + ", " + epochs + " epoch(s)";
        } else if (given.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            file = folder.resolve("base.uvnn");
            try {
                onnx = OnnxImport.convert(Path.of(given), file).toMap();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot import " + given + ": " + e.getMessage(), e);
            }
            source = "imported from ONNX " + given;
        } else {
            file = Path.of(given);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("eden setting 'model' = " + given + ": no such file (expected .uvnn or .onnx)");
            }
            source = "model file " + given;
        }
        return Json.fields(new ModelStage(onnx, source, file.toString()));
    }

    /**
     * The model stage's result: where the baseline network came from and its file.
     *
     * @param onnx   what the ONNX import found (only for a model imported from ONNX)
     * @param source trained (network, epochs), imported from ONNX (the file) or a model file given
     */
    private record ModelStage(@Json.OmitWhenNull Object onnx, String source, String modelFile) {
    }

    /**
     * The curricular retraining of the config: BER from {@code ber_start} times {@code ber_factor} per
     * recovered epoch up to {@code ber_max}, {@code patience} epochs to recover, a failed step halved up to
     * {@code refinements} times, each weight tensor clipped to {@code clip_rms} × its RMS in the baseline
     * (0: no clipping).
     */
    private CurricularRetrainer.Config retrainConfig() {
        var schedule = new CurriculumSchedule.Params(c.number("ber_start", 1e-12, 1), c.number("ber_factor", 1.000001, 1000),
                c.number("ber_max", 1e-12, 1), c.integer("patience", 1, 1000), c.integer("refinements", 0, 20));
        return new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, c.integer("retrain_epochs", 0, 1000),
                c.integer("batch", 1, 65536), (float) c.number("lr", 1e-9, 10), (float) c.number("momentum", 0, 0.999999),
                c.integer("seed", 0L, Long.MAX_VALUE), schedule, 0f, c.number("delta", 0, 1),
                c.integer("validation_trials", 1, 1000), c.integer("profile_images", 1, 1_000_000),
                (float) c.number("clip_rms", 0, 100), c.number("relu_cap_percentile", 0, 100));
    }
}
