package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModelSpec;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.UniformErrorModel.Sampler;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.InjectionBenchRequest;
import org.undervolt.usecase.InjectionBenchResult;
import org.undervolt.usecase.InjectionBenchUseCase;
import org.undervolt.usecase.SettingNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt errors bench}: injection time against a plain copy of the same stored tensor,
 * over sizes and bit error rates (issue 4 goal: at most 2x the copy for BER <= 1e-3). With the
 * uniform model, {@code --sampler both} times both samplers interleaved in one process.
 * {@code ratio} is the injection after a copy over the copy; {@code trial_extra} is what a trial done
 * in one pass ({@code Injector.restoreAndInject}) costs beyond the copy, over the copy. Parses its options, calls
 * {@link InjectionBenchUseCase} and prints its points as they are measured.
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

    @Mixin ErrorsCommand.TensorFormat tensorFormat;

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
        var storage = tensorFormat.spec();
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
        InjectionBenchRequest request;
        try { // every size checked before anything is printed
            request = new InjectionBenchRequest(storage, tensorFormat.format, modelOptions.errorModel(),
                    ber -> bothSamplers ? List.of(new UniformErrorModel(ber, Sampler.SEQUENTIAL),
                            new UniformErrorModel(ber, Sampler.BLOCKED)) : List.of(modelOptions.at(ber)),
                    Arrays.stream(sizes).boxed().toList(), Arrays.stream(bers).boxed().toList(), reps, warmup, warmupMs,
                    firstWarmupMs, seedOption.seed);
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        PrintWriter text = jsonOption.out(); // the table, row by row as measured (not with --json)
        if (!jsonOption.json) {
            text.println("in process (times inside this JVM after warm-up; ratio: injection after a copy over the copy)");
            text.printf("%12s %9s %-11s %10s %10s %10s %7s %10s %11s%n", "bits", "ber", "sampler", "flips",
                    "copy_ms", "inject_ms", "ratio", "trial_ms", "trial_extra");
        }
        InjectionBenchResult result = InjectionBenchUseCase.run(request, p -> {
            if (!jsonOption.json) {
                text.printf("%12d %9.0e %-11s %10d %10.3f %10.3f %7.2f %10.3f %11.2f%n", p.bits(), p.ber(), p.sampler(),
                        p.flips(), p.copyMs(), p.injectMs(), p.ratio(), p.trialMs(), p.trialExtra());
            }
        });
        jsonOption.printLine(result, w -> w.flush()); // the table went out row by row
        return 0;
    }

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    /** Nine timed repetitions per point: one injection at a low BER takes microseconds. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--repeats", "9");
        }
    }
}
