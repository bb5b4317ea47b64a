package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.data.DataSource;
import org.undervolt.io.Json;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.storage.Formats;
import org.undervolt.resilience.ToleranceSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt tolerance}: tolerable BER of a DNN, coarse and per layer × data type, with intervals. Wiring only. */
@Command(name = "tolerance",
        header = "Largest BER a network tolerates (coarse and per layer x data type), with confidence.", mixinStandardHelpOptions = true,
        description = {"Find the largest BER at which a network's accuracy stays >= baseline - delta at a stated",
                "confidence: log grid, then bisection in log space; Monte-Carlo trials per point. Coarse (all stored",
                "data at one BER) and, with --fine, per layer x data type, then the combination validated. Writes",
                "tolerance.json, curves.csv and the resumable points.json under --out; rerun to resume."},
        footer = {"", "Examples:",
                "  undervolt tolerance --model retrained.uvnn --out runs/tolerance",
                "  undervolt tolerance --model lenet5.uvnn --fine --trials 3 --out runs/tolerance-fine",
                "  undervolt tolerance --snn-model n100.snn --clamp --out runs/tolerance-snn"})
public final class ToleranceCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Mixin
    DnnSetupOptions setup;

    @Option(names = "--model", paramLabel = "FILE", description = "DNN file (e.g. retrained.uvnn).")
    Path model;

    @Option(names = "--snn-model", paramLabel = "FILE",
            description = "A labelled SNN from 'snn train' or 'retrain --network snn' instead of a DNN (coarse search).")
    Path snnModel;

    @Option(names = "--clamp", description = "SNN: keep weights read from DRAM in [0, wmax] (same as --read-correction clamp).")
    boolean clamp;

    @Option(names = "--read-correction", paramLabel = "HOW",
            description = "SNN: weights read outside [0, wmax], NaN or infinite: none, clamp or zero (default: none, or clamp with --clamp).")
    String readCorrection;

    @Mixin
    ThreadsOption threadsOption = new ThreadsOption();

    @Option(names = "--fine", description = "Also search each layer x data type and validate the combination.")
    boolean fine;

    @Option(names = "--delta", defaultValue = "0.01", description = "Accepted accuracy loss, fraction (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--confidence", defaultValue = "lower95",
            description = "lower95: one-sided 95%% t lower bound of the mean must meet the threshold; mean: the mean (default: ${DEFAULT-VALUE}).")
    String confidence;

    @Option(names = "--trials", defaultValue = "5", description = "Error draws per point (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--ber-min", defaultValue = "1e-6", description = "Smallest grid BER (default: ${DEFAULT-VALUE}).")
    double berMin;

    @Option(names = "--ber-max", defaultValue = "0.1", description = "Largest grid BER (default: ${DEFAULT-VALUE}).")
    double berMax;

    @Option(names = "--points-per-decade", defaultValue = "1", description = "Grid density (default: ${DEFAULT-VALUE}).")
    int pointsPerDecade;

    @Option(names = "--bisections", defaultValue = "4", description = "Bisection steps after the grid (default: ${DEFAULT-VALUE}).")
    int bisections;

    @Mixin
    SeedOption seedOption = new SeedOption();

    @Option(names = "--test-images", defaultValue = "10000", description = "Test images (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--profile-images", defaultValue = "2000",
            description = "Training images profiled for value bounds (default: ${DEFAULT-VALUE}).")
    int profileImages;

    @Option(names = "--baseline-accuracy", paramLabel = "A",
            description = "Measure the loss from this accuracy (e.g. the network's before retraining) instead of its own.")
    Double reference;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result folder (also the resume point).")
    Path out;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @Option(names = "--evaluation", defaultValue = "sequential", paramLabel = "MODE",
            description = {"full: every trial on every test image; sequential: trials paired with the error-free",
                    "predictions, images in a fixed random order, stopped once a confidence sequence settles the",
                    "point (decisions equal full's with probability >= 99%% per search) (default: ${DEFAULT-VALUE})."})
    String evaluation;

    @picocli.CommandLine.Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Mixin
    SparkOption sparkOption = new SparkOption();

    @Option(names = "--location-device", paramLabel = "SEL", description = {"SNN: SparkXD's weak subarrays following VDD on "
            + "this BER(VDD) device (e.g. voltron:B8): the BER axis is the device's BER(V), only the subarrays unsafe at V "
            + "err (drawn from --device-seed), the weights in DRMap order over --location-part."})
    String locationDevice;

    @Option(names = "--location-part", defaultValue = "LPDDR3-1600_4Gb_x32", paramLabel = "PART",
            description = "SNN with --location-device: the DRAM part (default: ${DEFAULT-VALUE}).")
    String locationPart;

    @Override
    public Integer call() {
        if ((model == null) == (snnModel == null)) {
            throw new org.undervolt.InvalidInputException("give exactly one of --model FILE (DNN) and --snn-model FILE");
        }
        // Every option is checked before the baseline is evaluated, not after.
        OptionValues.range("--test-images", testImages, 1, Integer.MAX_VALUE);
        OptionValues.range("--profile-images", profileImages, 1, Integer.MAX_VALUE);
        if (!(delta >= 0 && delta <= 1)) {
            throw new org.undervolt.InvalidInputException("--delta " + delta + ": expected a fraction in [0, 1]");
        }
        if (reference != null) {
            OptionValues.within("--baseline-accuracy", reference, 0, 1, "an accuracy");
        }
        OptionValues.berRange("--ber-min", berMin, "--ber-max", berMax);
        OptionValues.range("--points-per-decade", pointsPerDecade, 1, 100);
        OptionValues.range("--bisections", bisections, 0, 30);
        OptionValues.range("--trials", trials, 1, 10000);
        setup.check();
        if (locationDevice != null && snnModel == null) {
            throw new org.undervolt.InvalidInputException("--location-device: only with --snn-model (SparkXD's weak subarrays)");
        }
        var location = locationDevice == null ? null
                : org.undervolt.experiment.LocationStorage.of(locationPart, locationDevice, setup.deviceSeed, "--location-device");
        var settings = new ToleranceSearch.Settings(berMin, berMax, pointsPerDecade, bisections, trials, seedOption.seed);
        Acceptance.Rule rule = OptionValues.parse("--confidence", confidence, Acceptance.Rule::parse);
        EvaluationMode mode = OptionValues.parse("--evaluation", evaluation, EvaluationMode::parse);
        DataSource source = dataset.source();
        PrintWriter err = jsonOption.err();
        java.util.function.Consumer<String> log = jsonOption.json ? m -> { } : m -> {
            err.println(m);
            err.flush();
        };
        var progress = new org.undervolt.experiment.StageProgress(progressOptions.show(jsonOption.json) ? log : m -> { });
        Map<String, Object> r;
        try (var executor = sparkOption.open()) {
            if (snnModel != null) {
                var options = new SnnToleranceRun.Options(snnModel, Formats.byName(setup.format), setup.errorModel,
                        setup.deviceSeed, readCorrection != null ? org.undervolt.resilience.ReadCorrection.parse(readCorrection)
                        : clamp ? org.undervolt.resilience.ReadCorrection.CLAMP : org.undervolt.resilience.ReadCorrection.NONE,
                        settings, delta, rule, testImages, SnnCli.threads(threadsOption.threads), reference, out, mode,
                        location);
                r = SnnToleranceRun.run(options, source.test(), log, progress.trials("tolerance"), executor);
            } else {
                var options = new ToleranceRun.Options(model, setup.spec(), settings, delta, rule, fine, testImages,
                        profileImages, reference, out, mode);
                r = ToleranceRun.run(options, source.train(), source.test(), log, progress.trials("tolerance"), executor);
            }
        }
        PrintWriter o = jsonOption.out();
        if (jsonOption.json) {
            o.println(Json.write(r));
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> coarse = (Map<String, Object>) r.get("coarse");
            o.printf("baseline %.4f; tolerable BER (network) %s [%s]%n", (Double) r.get("baseline_accuracy"),
                    coarse.get("tolerable_ber"), coarse.get("status"));
            if (r.get("location") instanceof Map<?, ?> where) {
                o.println(where.get("line"));
            }
            o.println("wrote " + out.resolve("tolerance.json") + " and " + out.resolve("curves.csv"));
        }
        o.flush();
        return 0;
    }
}
