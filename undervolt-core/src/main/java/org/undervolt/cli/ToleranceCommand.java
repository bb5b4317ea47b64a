package org.undervolt.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.ModelFileKind;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.storage.Formats;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.SettingNames;
import org.undervolt.usecase.ToleranceRequest;
import org.undervolt.usecase.ToleranceResult;
import org.undervolt.usecase.ToleranceUseCase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt tolerance}: tolerable BER of a DNN, coarse and per layer × data type, with intervals. Wiring only. */
@Command(name = "tolerance",
        header = "Largest BER a network tolerates (coarse and per layer x data type), with confidence.", mixinStandardHelpOptions = true,
        defaultValueProvider = ToleranceCommand.Defaults.class,
        description = {"Find the largest BER at which a network's accuracy stays >= baseline - delta at a stated",
                "confidence: log grid, then bisection in log space; Monte-Carlo trials per point. Coarse (all stored",
                "data at one BER) and, with --fine, per layer x data type, then the combination validated. Writes",
                "tolerance.json, curves.csv and the resumable points.json under --out; rerun to resume. --model is a",
                "DNN checkpoint or an SNN model (of 'snn train' or 'retrain'), told apart by the file's content."},
        footer = {"", "Examples:",
                "  undervolt tolerance --model examples/lenet5.uvnn --out runs/tolerance",
                "  undervolt tolerance --model examples/lenet5.uvnn --fine --trials 3 --out runs/tolerance-fine",
                "  undervolt snn train --neurons 100 --train-images 1000 --out n100.snn",
                "  undervolt tolerance --model n100.snn --clamp --out runs/tolerance-snn"})
public final class ToleranceCommand implements Callable<Integer> {

    @Mixin DatasetOptions dataset;
    @Mixin DnnSetupOptions setup;

    @Mixin OptionalModelFileOption modelOption = new OptionalModelFileOption();
    @Mixin SnnModelWasOption snnModelWas = new SnnModelWasOption();

    @Option(names = "--clamp", description = "SNN: keep weights read from DRAM in [0, wmax] (same as --read-correction clamp).")
    boolean clamp;

    @Option(names = "--read-correction", paramLabel = "HOW",
            description = "SNN: weights read outside [0, wmax], NaN or infinite: none, clamp or zero (default: none, or clamp with --clamp).")
    String readCorrection;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();

    @Option(names = "--fine", description = "Also search each layer x data type and validate the combination.")
    boolean fine;

    @Mixin ToleranceSearchOptions search = new ToleranceSearchOptions();
    @Mixin SeedOption seedOption = new SeedOption();

    @Option(names = "--baseline-accuracy", paramLabel = "A",
            description = "Measure the loss from this accuracy (e.g. the network's before retraining) instead of its own.")
    Double reference;

    @Mixin OutFolderOption output = new OutFolderOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Option(names = "--evaluation", defaultValue = "sequential", paramLabel = "MODE",
            description = {"full: every trial on every test image; sequential: trials paired with the error-free",
                    "predictions, images in a fixed random order, stopped once a confidence sequence settles the",
                    "point (decisions equal full's with probability >= 99%% per search) (default: ${DEFAULT-VALUE})."})
    String evaluation;

    @Mixin ProgressOptions progressOptions = new ProgressOptions();
    @Mixin SparkOption sparkOption = new SparkOption();

    @Option(names = "--location-device", paramLabel = "SEL", description = {"SNN: SparkXD's weak subarrays following VDD on "
            + "this BER(VDD) device (e.g. voltron:B8), the error model weak-subarray:device=SEL,part=PART: the BER axis is "
            + "the device's BER(V), only the subarrays unsafe at V err (drawn from --device-seed), the weights in DRMap "
            + "order over --location-part."})
    String locationDevice;

    @Option(names = "--location-part", defaultValue = "LPDDR3-1600_4Gb_x32", paramLabel = "PART",
            description = "SNN with --location-device: the DRAM part, a preset or a memspec file (default: ${DEFAULT-VALUE}).")
    String locationPart;

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() {
        Path out = output.folder();
        Path model = snnModelWas.or(modelOption.file);
        if (model == null) {
            throw new InvalidInputException("missing --model FILE: " + ModelFileKind.DNN.what() + " or " + ModelFileKind.SNN.what());
        }
        // Every option is checked before the baseline is evaluated, not after; the model file's kind last.
        search.check();
        if (reference != null) {
            OptionValues.within("--baseline-accuracy", reference, 0, 1, "an accuracy");
        }
        setup.check();
        boolean snn = ModelFileKind.of(model, "--model") == ModelFileKind.SNN;
        if (locationDevice != null && !snn) {
            throw new InvalidInputException("--location-device: only with an SNN --model (SparkXD's weak subarrays)");
        }
        ToleranceRequest.Location location;
        try {
            location = locationDevice == null ? null : ToleranceRequest.Location.named(locationPart, locationDevice);
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        var settings = search.settings(seedOption.seed);
        EvaluationMode mode = OptionValues.parse("--evaluation", evaluation, EvaluationMode::parse);
        DataSource source = dataset.source();
        var progress = new org.undervolt.experiment.StageProgress(progressOptions.lines(jsonOption));
        ToleranceRequest request = snn
                ? ToleranceRequest.of(new SnnToleranceRun.Options(model, Formats.byName(setup.format), setup.errorModel(),
                        setup.deviceSeed(), readCorrection != null ? ReadCorrection.parse(readCorrection)
                        : clamp ? ReadCorrection.CLAMP : ReadCorrection.NONE, settings, search.delta, search.rule(),
                        search.testImages, SnnCli.threads(threadsOption.threads), reference, out, mode), source.test(), location)
                : ToleranceRequest.of(new ToleranceRun.Options(model, setup.spec(), settings, search.delta, search.rule(), fine,
                        search.testImages, search.profileImages, reference, out, mode), source.train(), source.test());
        ToleranceResult r;
        try (var executor = sparkOption.open()) {
            r = ToleranceUseCase.run(request, jsonOption.log(), progress.trials("tolerance"), executor);
        }
        jsonOption.print(r.report(), o -> {
            o.printf(Locale.ROOT, "baseline %.4f; tolerable BER (network) %.3g [%s]%n", r.baselineAccuracy(), r.tolerableBer(),
                    r.status());
            if (r.locationLine() != null) {
                o.println(r.locationLine());
            }
            o.println("wrote " + out.resolve("tolerance.json") + " and " + out.resolve("curves.csv"));
        });
        return 0;
    }

    /** The grid of a tolerance search. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--ber-min", "1e-6", "--ber-max", "0.1", "--points-per-decade", "1", "--trials", "5", "--bisections", "4");
        }
    }
}
