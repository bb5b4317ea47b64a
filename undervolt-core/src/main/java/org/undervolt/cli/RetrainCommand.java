package org.undervolt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.data.DataSource;
import org.undervolt.resilience.CurricularRetrainer;
import org.undervolt.resilience.CurriculumSchedule;
import org.undervolt.resilience.ModelFileKind;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.resilience.RetrainReport;
import org.undervolt.resilience.RetrainReport;
import org.undervolt.resilience.RetrainRun;
import org.undervolt.resilience.SnnFatRun;
import org.undervolt.resilience.SnnFaultAwareTrainer;
import org.undervolt.storage.Formats;
import org.undervolt.usecase.RetrainRequest;
import org.undervolt.usecase.RetrainUseCase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code undervolt retrain}: EDEN curricular / RandBET retraining of a DNN, SparkXD fault-aware training of an SNN. */
@Command(name = "retrain",
        header = "Make a network tolerate approximate DRAM: curricular, RandBET or fault-aware training.", mixinStandardHelpOptions = true,
        description = {"Make a network tolerate approximate DRAM. DNN (--network lenet5|mlp): EDEN curricular retraining",
                "(errors in stored weights and IFMs in every forward pass, BER raised after recovery, value correction)",
                "or --mode randbet (clipping + fixed-BER weight errors). SNN (--model FILE of 'snn train'; the file's",
                "content says it is an SNN, --network snn may be left out):",
                "SparkXD fault-aware STDP training with errors in the stored weights, BER raised step by step.",
                "Checkpoints every epoch / 500 images under --out; rerun the same command to resume."},
        footer = {"", "Examples:",
                "  undervolt retrain --network mlp --out runs/retrain-mlp",
                "  undervolt retrain --network lenet5 --model examples/lenet5.uvnn --mode randbet --out runs/randbet",
                "  undervolt snn train --neurons 100 --train-images 1000 --out n100.snn",
                "  undervolt retrain --model n100.snn --out runs/fat-n100"})
public final class RetrainCommand implements Callable<Integer> {

    @Mixin DatasetOptions dataset;
    @Mixin DnnSetupOptions setup;

    @Mixin NetworkOption network = new NetworkOption();

    @Option(names = "--mode", defaultValue = "curricular", description = "DNN: curricular or randbet (default: ${DEFAULT-VALUE}).")
    String mode;

    @Mixin OptionalModelFileOption modelOption = new OptionalModelFileOption();
    @Mixin SnnModelWasOption snnModelWas = new SnnModelWasOption();

    @Option(names = "--base-epochs", defaultValue = "3", description = "DNN baseline SGD epochs when training one (default: ${DEFAULT-VALUE}).")
    int baseEpochs;

    @Option(names = "--train-images", defaultValue = "58000", description = "DNN retraining images (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--validation-images", defaultValue = "2000",
            description = "DNN held-out images, the last of the training set (default: ${DEFAULT-VALUE}).")
    int validationImages;

    @Option(names = "--epochs", defaultValue = "10", description = "DNN: most retraining epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "B", description = "DNN: images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    /** The old name of {@code --batch-size} (as {@code train} names it), kept hidden so that earlier command lines still run. */
    @Option(names = "--batch", hidden = true, paramLabel = "B")
    Integer batchAlias;

    @Option(names = "--lr", defaultValue = "0.01", description = "DNN learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "DNN SGD momentum (default: ${DEFAULT-VALUE}).")
    float momentum;

    @Option(names = "--ber-start", defaultValue = "1e-4", description = "First BER (default: ${DEFAULT-VALUE}).")
    double berStart;

    @Option(names = "--ber-factor", defaultValue = "2", description = "BER multiplier per step (default: ${DEFAULT-VALUE}).")
    double berFactor;

    @Option(names = "--ber-max", defaultValue = "0.1", description = "Last BER of the schedule (default: ${DEFAULT-VALUE}).")
    double berMax;

    @Option(names = "--patience", defaultValue = "2", description = "DNN: epochs allowed at one BER to recover (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--ber", defaultValue = "0.01", description = "RandBET: the fixed training BER (default: ${DEFAULT-VALUE}).")
    double ber;

    @Option(names = "--clip", description = "Weight clipping bound after every step (RandBET default 0.1; curricular default: none).")
    Float clip;

    @Option(names = "--delta", defaultValue = "0.01", description = "Recovery: accuracy >= baseline - delta (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--validation-trials", defaultValue = "2", description = "DNN error draws per validation (default: ${DEFAULT-VALUE}).")
    int validationTrials;

    @Option(names = "--profile-images", defaultValue = "2000", description = "DNN images profiled for value bounds (default: ${DEFAULT-VALUE}).")
    int profileImages;

    @Mixin SeedOption seedOption = new SeedOption();

    @Option(names = "--images-per-step", defaultValue = "1000", description = "SNN: training images per BER step (default: ${DEFAULT-VALUE}).")
    long imagesPerStep;

    @Option(names = "--read-correction", defaultValue = "clamp",
            description = "SNN: weights read outside [0, wmax], NaN or infinite: none, clamp or zero (default: ${DEFAULT-VALUE}).")
    String readCorrection;

    @Option(names = "--inject-every", defaultValue = "100", description = "SNN: images between two reads of the weights, each with its own errors (default: ${DEFAULT-VALUE}).")
    int injectEvery;

    @Option(names = "--eval-ber", split = ",", defaultValue = "1e-3", description = "SNN: BERs to evaluate at (default: ${DEFAULT-VALUE}).")
    double[] evalBers;

    @Option(names = "--trials", defaultValue = "3", description = "SNN: error draws per evaluation BER (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--label-images", defaultValue = "1000", description = "SNN: images to label neurons (default: ${DEFAULT-VALUE}).")
    int labelImages;

    @Option(names = "--test-images", defaultValue = "1000", description = "SNN: test images (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin OutFolderOption output = new OutFolderOption();
    @Mixin JsonOption jsonOption = new JsonOption();
    @Mixin ProgressOptions progressOptions = new ProgressOptions();

    @Spec
    CommandSpec spec;

    /** The model file of --model (or the old --snn-model), or null; set by {@link #model()}. */
    private Path model;

    /** What {@link #model} holds, by its content, or null without one. */
    private ModelFileKind modelKind;

    /**
     * The model file and its kind; an SNN model, or {@code --network snn}, makes this fault-aware training of an SNN,
     * else curricular / RandBET retraining of a DNN. A --network given that the file's kind contradicts is bad input.
     */
    private void model() {
        model = snnModelWas.or(modelOption.file);
        modelKind = model == null ? null : ModelFileKind.of(model, "--model");
        boolean networkGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--network");
        if (modelKind == ModelFileKind.DNN && network.snn()) {
            throw new InvalidInputException("--model " + model + ": " + ModelFileKind.DNN.what() + ", but --network snn "
                    + "expects " + ModelFileKind.SNN.what());
        }
        if (modelKind == ModelFileKind.SNN && networkGiven && !network.snn()) {
            throw new InvalidInputException("--model " + model + ": " + ModelFileKind.SNN.what() + ", but --network "
                    + network.name + " is a DNN (leave --network out, or give snn)");
        }
    }

    /** Whether this trains an SNN (fault-aware STDP), besides the DNNs of {@link ZooModel}. */
    private boolean snn() {
        return modelKind == ModelFileKind.SNN || network.snn();
    }

    /** The DNN --network names, parsed as every command parses a network name ({@link ZooModel#parse}). */
    private ZooModel dnn() {
        try {
            return ZooModel.parse(network.name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--network " + network.name + ": " + e.getMessage() + " or snn");
        }
    }

    /** Every option, named when wrong, before any data is read or work done. */
    private void checkOptions() {
        if (!List.of("curricular", "randbet").contains(mode)) {
            throw new InvalidInputException("--mode '" + mode + "' is unknown; expected curricular or randbet");
        }
        if (model == null && !snn()) {
            dnn(); // the name, checked before any work
        }
        setup.check();
        OptionValues.berRange("--ber-start", berStart, "--ber-max", berMax);
        if (snn()) {
            if (!(berFactor > 1 && berFactor <= 1000)) {
                throw new InvalidInputException("--ber-factor " + berFactor + ": expected a factor in (1, 1000] for --network snn");
            }
            OptionValues.range("--images-per-step", imagesPerStep, 1, Long.MAX_VALUE);
            OptionValues.range("--inject-every", injectEvery, 1, Integer.MAX_VALUE);
            for (double b : evalBers) {
                OptionValues.ber("--eval-ber", b);
            }
            OptionValues.range("--trials", trials, 1, Integer.MAX_VALUE);
            OptionValues.range("--label-images", labelImages, 1, Integer.MAX_VALUE);
            OptionValues.range("--test-images", testImages, 1, Integer.MAX_VALUE);
            return;
        }
        OptionValues.within("--ber-factor", berFactor, 1, 1000, "a factor");
        OptionValues.range("--patience", patience, 1, Integer.MAX_VALUE);
        if (!(ber > 0 && ber <= 1)) {
            throw new InvalidInputException("--ber " + ber + ": expected a bit error rate in (0, 1]");
        }
        OptionValues.range("--base-epochs", baseEpochs, 1, 10_000);
        OptionValues.range("--train-images", trainImages, 1, Integer.MAX_VALUE);
        OptionValues.range("--validation-images", validationImages, 1, Integer.MAX_VALUE);
        OptionValues.range("--epochs", epochs, 0, 10_000);
        if (batchAlias != null) { // the message names the option as the user wrote it
            batch = batchAlias;
        }
        OptionValues.range(batchAlias != null ? "--batch" : "--batch-size", batch, 1, Integer.MAX_VALUE);
        OptionValues.positive("--lr", lr, "a learning rate");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("--momentum " + momentum + ": expected a momentum in [0, 1)");
        }
        if (clip != null && !(clip > 0 && clip < Float.POSITIVE_INFINITY)) {
            throw new InvalidInputException("--clip " + clip + ": expected a weight bound > 0");
        }
        OptionValues.within("--delta", delta, 0, 1, "a fraction");
        OptionValues.range("--validation-trials", validationTrials, 1, Integer.MAX_VALUE);
        OptionValues.range("--profile-images", profileImages, 1, Integer.MAX_VALUE);
    }

    @Override
    public Integer call() {
        Path out = output.folder();
        model();
        checkOptions();
        Consumer<String> log = jsonOption.log();
        DataSource source = dataset.source();
        var progress = new org.undervolt.experiment.StageProgress(progressOptions.lines(jsonOption));
        RetrainRequest request;
        if (snn()) {
            if (model == null) {
                throw new InvalidInputException("--network snn needs --model FILE, " + ModelFileKind.SNN.what());
            }
            double[] steps = SnnFaultAwareTrainer.steps(berStart, berFactor, berMax);
            var fat = new SnnFaultAwareTrainer.Config(steps, imagesPerStep, injectEvery, Formats.byName(setup.format),
                    ErrorModelRegistry.family(setup.errorModel(), setup.deviceSeed()),
                    org.undervolt.resilience.ReadCorrection.parse(readCorrection), seedOption.seed);
            request = RetrainRequest.of(new SnnFatRun.Options(model, fat, setup.errorModel(), evalBers, trials, labelImages,
                    testImages, SnnCli.threads(threadsOption.threads), out), source.train(), source.test());
        } else {
            CurricularRetrainer.Mode m = switch (mode) {
                case "curricular" -> CurricularRetrainer.Mode.CURRICULAR;
                case "randbet" -> CurricularRetrainer.Mode.RANDBET;
                default -> throw new InvalidInputException("--mode '" + mode + "' is unknown; expected curricular or randbet");
            };
            CurriculumSchedule.Params schedule = m == CurricularRetrainer.Mode.RANDBET ? CurriculumSchedule.Params.fixed(ber)
                    : new CurriculumSchedule.Params(berStart, berFactor, berMax, patience);
            float c = clip != null ? clip : m == CurricularRetrainer.Mode.RANDBET ? 0.1f : 0f;
            var cfg = new CurricularRetrainer.Config(m, epochs, batch, lr, momentum, seedOption.seed, schedule, c, delta,
                    validationTrials, profileImages);
            request = RetrainRequest.of(new RetrainRun.Options(model != null ? network.name : dnn().id(), model, baseEpochs, trainImages, validationImages, cfg,
                    setup.spec(), out), source.train());
        }
        RetrainReport r = RetrainUseCase.run(request, log, progress.job(snn()
                ? "fault-aware training (images)" : "retraining (batches)")).report();
        jsonOption.print(r, o -> {
            if (r instanceof RetrainRun.Report dnn) {
                o.printf(Locale.ROOT, "boosted BER %.3g (%s); wrote %s%n", dnn.boostedBer(), dnn.stopReason(),
                        out.resolve("retrain.json"));
            } else {
                o.println("wrote " + out.resolve("fat.json") + " and " + out.resolve("fat.snn"));
            }
        });
        return 0;
    }
}
