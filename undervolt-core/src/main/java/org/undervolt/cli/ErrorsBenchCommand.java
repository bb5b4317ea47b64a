package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelSpec;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.UniformErrorModel.Sampler;
import org.undervolt.fault.InjectionBenchmark;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt errors bench}: injection time against a plain copy of the same stored tensor,
 * over sizes and bit error rates (issue 4 goal: at most 2x the copy for BER <= 1e-3). With the
 * uniform model, {@code --sampler both} times both samplers interleaved in one process.
 * {@code ratio} is the injection after a copy over the copy; {@code trial_extra} is what a trial done
 * in one pass ({@code Injector.restoreAndInject}) costs beyond the copy, over the copy.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, defaultValueProvider = ErrorsBenchCommand.Defaults.class,
        description = {"Benchmark error injection against a plain copy of the same image.",
                "Times are medians over --repeats; ratio is injection over the copy. With the uniform model, --sampler both "
                        + "times the blocked and the sequential sampler interleaved in one process."},
        footer = {"", "Examples:",
                "  undervolt errors bench --sampler both --bits 1000000 --ber 1e-3",
                "  undervolt bench errors --error-model bitline:0.5 --bits 1000000 --ber 1e-3"})
public final class ErrorsBenchCommand implements Callable<Integer> {

    @Option(names = "--bits", split = ",", defaultValue = "1000000,10000000,100000000",
            description = "Image sizes in bits. Default: ${DEFAULT-VALUE}.")
    long[] sizes;

    @Option(names = "--ber", split = ",", defaultValue = "1e-6,1e-5,1e-4,1e-3,1e-2",
            description = "Bit error rates. Default: ${DEFAULT-VALUE}.")
    double[] bers;

    @Option(names = "--format", defaultValue = "int8", description = "Storage format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin RepeatsOption repeats = new RepeatsOption();

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed repetitions first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--warmup-ms", defaultValue = "200",
            description = "Least warm-up time per point, in ms. Default: ${DEFAULT-VALUE}.")
    long warmupMs;

    @Option(names = "--first-warmup-ms", defaultValue = "4000",
            description = "Warm-up of the blocked sampler before the first point, in ms (when it is timed): the JIT "
                    + "compiles its vector kernel only after about a second of use. Default: ${DEFAULT-VALUE}.")
    long firstWarmupMs;

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Mixin
    ErrorsCommand.ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        int reps = repeats.value();
        OptionValues.range("--warmup", warmup, 0, Integer.MAX_VALUE);
        OptionValues.range("--warmup-ms", warmupMs, 0, Long.MAX_VALUE);
        OptionValues.range("--first-warmup-ms", firstWarmupMs, 0, Long.MAX_VALUE);
        var storage = OptionValues.parse("--format", format, Formats::byName);
        boolean bothSamplers = "both".equals(modelOptions.sampler);
        if (bothSamplers) {
            modelOptions.sampler = null;
            ErrorModelSpec parsed = modelOptions.parsed();
            if (!parsed.entry().name().equals("uniform") || parsed.gives("sampler")) {
                throw new InvalidInputException("--sampler both: applies to --error-model uniform only (without a "
                        + "sampler), not " + modelOptions.errorModel());
            }
        }
        for (double ber : bers) {
            modelOptions.at(ber); // every BER and model option checked before anything is printed
        }
        List<Point> rows = new ArrayList<>();
        PrintWriter text = jsonOption.out(); // the table, row by row as measured (not with --json)
        if (!jsonOption.json) {
            text.println("in process (times inside this JVM after warm-up; ratio: injection after a copy over the copy)");
            text.printf("%12s %9s %-11s %10s %10s %10s %7s %10s %11s%n", "bits", "ber", "sampler", "flips",
                    "copy_ms", "inject_ms", "ratio", "trial_ms", "trial_extra");
        }
        for (long bits : sizes) {
            DramImage clean;
            try {
                clean = SyntheticImages.gaussian(storage, bits, seedOption.seed, DramGeometry.lpddr3x32());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--bits: " + e.getMessage());
            }
            for (double ber : bers) {
                List<ErrorModel> models = bothSamplers
                        ? List.of(new UniformErrorModel(ber, Sampler.SEQUENTIAL), new UniformErrorModel(ber, Sampler.BLOCKED))
                        : List.of(modelOptions.at(ber));
                if (rows.isEmpty() && models.stream().anyMatch(
                        m -> m instanceof UniformErrorModel u && u.sampler() == Sampler.BLOCKED)) {
                    InjectionBenchmark.warmUpBlockedSampler(firstWarmupMs * 1_000_000L);
                }
                List<InjectionBenchmark.Result> results = InjectionBenchmark.measure(clean, models, reps, warmup,
                        warmupMs * 1_000_000L, seedOption.seed);
                for (int i = 0; i < models.size(); i++) {
                    InjectionBenchmark.Result r = results.get(i);
                    String sampler = models.get(i) instanceof UniformErrorModel u ? u.sampler().name().toLowerCase() : "-";
                    rows.add(new Point(r.bits(), ber, sampler, r.flips(), r.copyNanos() / 1e6, r.injectNanos() / 1e6,
                            r.ratio(), r.fusedNanos() / 1e6, r.fusedExtraRatio()));
                    if (!jsonOption.json) {
                        text.printf("%12d %9.0e %-11s %10d %10.3f %10.3f %7.2f %10.3f %11.2f%n", r.bits(), ber,
                                sampler, r.flips(), r.copyNanos() / 1e6, r.injectNanos() / 1e6, r.ratio(),
                                r.fusedNanos() / 1e6, r.fusedExtraRatio());
                    }
                }
            }
        }
        jsonOption.printLine(new Measured(format, modelOptions.errorModel(), reps,
                "in process, after warm-up; ratio = injection after a copy over the copy, same process", rows),
                w -> w.flush()); // the table went out row by row
        return 0;
    }

    /**
     * What {@code --json} prints: its components are the keys in order (snake_case).
     *
     * @param model  the error model
     * @param reps   timed repetitions per point
     * @param timing how the times were taken
     * @param points one per size, BER and sampler
     */
    record Measured(String format, String model, int reps, String timing, List<Point> points) {
    }

    /**
     * One size, BER and sampler, as the table's row shows it.
     *
     * @param flips      bits flipped by one injection
     * @param copyMs     copying the image
     * @param injectMs   injecting after the copy
     * @param ratio      injection over copy
     * @param trialMs    a copy with the flips applied on the way (one trial)
     * @param trialExtra the trial's time over the copy's, minus one
     */
    record Point(long bits, double ber, String sampler, long flips, double copyMs, double injectMs, double ratio,
            double trialMs, double trialExtra) {
    }

    /** Nine timed repetitions per point: one injection at a low BER takes microseconds. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--repeats", "9");
        }
    }
}
