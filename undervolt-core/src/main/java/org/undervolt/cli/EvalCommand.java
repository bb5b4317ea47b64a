package org.undervolt.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.data.DataSource;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.io.Json;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.DatasetFit;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.EvalRequest;
import org.undervolt.usecase.EvalResult;
import org.undervolt.usecase.EvalUseCase;
import org.undervolt.usecase.SettingNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt eval}: test accuracy of a DNN checkpoint, optionally with its weights stored in a
 * number format and hit by bit errors in approximate DRAM. Parses the options, calls {@link EvalUseCase}, prints.
 */
@Command(name = "eval", defaultValueProvider = EvalCommand.Defaults.class, mixinStandardHelpOptions = true,
        description = {"Evaluate a DNN checkpoint on a test set, optionally with bit errors in its stored weights.",
                "The weights are placed in the geometry of --part (default " + EvalCommand.DEFAULT_PART + ")."},
        footer = {"", "With --ber, each of --trials trials encodes the weights in --format, flips stored bits with",
                "the error model (independent draws from --seed), decodes them into a copy of the network and",
                "evaluates it. Biases stay error-free (on-chip). Trial t at BER b uses the same random stream as",
                "the demo's sweep: Seeds.stream(seed, bits(b), t).",
                "", "Examples:",
                "  undervolt eval --model examples/lenet5.uvnn --dataset mnist --json",
                "  undervolt eval --model examples/lenet5.uvnn --format int8 --error-model uniform --ber 1e-3 --trials 10 --seed 1 --json"})
public final class EvalCommand implements Callable<Integer> {

    @Mixin ModelFileOption modelOption = new ModelFileOption();

    @Mixin DatasetOptions data;

    @Mixin WeightErrorOptions weightErrors = new WeightErrorOptions();
    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin PartOption part = new PartOption();
    @Mixin TestImagesOption testImages = new TestImagesOption();

    @Option(names = "--datapath", defaultValue = "float", paramLabel = "NAME",
            description = "float (default) or int8: also run the INT8 integer datapath (int8 weights and feature maps, "
                    + "int32 accumulation, integer requantisation; activation scales calibrated on 1000 training images) "
                    + "and report its accuracy as int8_accuracy. Not combinable with --ber yet.")
    String datapath;

    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() {
        Double ber = weightErrors.ber();
        int trials = weightErrors.trials;
        if (trials < 1 || trials > 1_000_000) {
            throw new InvalidInputException("--trials " + trials + ": expected 1..1000000");
        }
        ErrorModelFamily errors = weightErrors.errors.family();
        if (ber != null) {
            ErrorModelOption.at(errors, ber);
        }
        EvalRequest.Datapath path;
        try {
            path = EvalRequest.Datapath.parse(datapath);
            EvalRequest.requireOffered(path, ber);
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        FormatSpec fmt = weightErrors.format == null ? (ber == null ? null : Formats.byName("fp32")) : weightErrors.format();
        DramSpec dram = part.spec();
        int threadCount = NnOptions.threads(threadsOption.threads);
        Checkpoint.Loaded loaded = Checkpoint.load(modelOption.dnn("'undervolt snn eval --model FILE' evaluates an SNN"));
        Sequential model = loaded.model();
        DataSource source = data.source();
        ImageDataset test = testImages.first(source.test());
        DatasetFit.require(model, test, modelOption.file.toString());

        long start = System.nanoTime();
        EvalResult result;
        try {
            result = EvalUseCase.run(new EvalRequest(model, test, fmt, dram, errors, weightErrors.errors.spec(), ber, trials,
                    seedOption.seed, path, path == EvalRequest.Datapath.INT8 ? source.train() : null));
        } catch (BadSetting e) {
            String file = modelOption.file.toString();
            throw e.named(k -> k.equals("model") ? file : OPTIONS.of(k));
        }
        Int8Datapath int8 = result.int8Accuracy() == null ? null : new Int8Datapath("int8", result.int8Accuracy());
        EvalResult.Stored stored = result.stored();
        EvalResult.Trials drawn = stored == null ? null : stored.trials();
        Evaluated r = new Evaluated(modelOption.file.toString(), loaded.metadata().getOrDefault("model", "unknown"),
                test.name(), test.size(), threadCount, result.floatAccuracy(), int8,
                stored == null ? null : new StoredOut(stored.format(), stored.bytes(), stored.baselineAccuracy()),
                drawn == null ? null : new Drawn(weightErrors.errors.spec(), ber, trials, seedOption.seed), result.accuracy(),
                drawn == null ? null : new TrialsOut(drawn.accuracies(), drawn.flips(), drawn.nonfinite()),
                (System.nanoTime() - start) / 1e9);

        jsonOption.print(r, o -> o.printf("accuracy %.4f on %d images of %s (%s)%n", r.accuracy(), test.size(),
                test.name(), fmt == null ? "fp32 as trained" : fmt.name() + (ber == null ? "" : ", BER "
                        + HumanNumbers.text(ber) + ", " + trials + (trials == 1 ? " trial" : " trials"))));
        return 0;
    }

    /**
     * What {@code eval --json} prints: its components are the keys in order (snake_case), the parts a run did not
     * have (the INT8 datapath, a storage format, error trials) left out.
     *
     * @param model        the checkpoint file
     * @param architecture the network it holds, as recorded in it
     * @param images       test images evaluated
     * @param fp32Accuracy accuracy as trained
     * @param accuracy     the accuracy the run stands for ({@link EvalResult#accuracy})
     * @param seconds      wall time of the evaluation
     */
    record Evaluated(String model, String architecture, String dataset, int images, int threads, double fp32Accuracy,
            @Json.Inline Int8Datapath int8, @Json.Inline StoredOut stored, @Json.Inline Drawn drawn, double accuracy,
            @Json.Inline TrialsOut trials, double seconds) {
    }

    /** With {@code --datapath int8}: the accuracy of the integer datapath. */
    record Int8Datapath(String datapath, double int8Accuracy) {
    }

    /** With a storage format: the weights' bytes in DRAM and their accuracy without errors. */
    record StoredOut(String format, long storedWeightBytes, double baselineAccuracy) {
    }

    /** With a BER: how the errors were drawn. */
    record Drawn(String errorModel, double ber, int trials, long seed) {
    }

    /** With a BER: every trial's accuracy, flipped bits and non-finite outputs. */
    record TrialsOut(List<Double> accuracies, List<Long> flips, List<Integer> nonfiniteOutputs) {
    }

    /** The part whose geometry places the weights unless --part names one. */
    static final String DEFAULT_PART = "LPDDR3-1600_4Gb_x32";

    /** The part whose geometry places the weights; ten error draws. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--part", DEFAULT_PART, "--trials", "10");
        }
    }
}
