package org.undervolt.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.fault.SyntheticImages;
import org.undervolt.io.Json;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.Formats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt errors inject}: stores a synthetic tensor of the given size in a format, injects
 * one error model into its DRAM image, and reports flips, bits and time.
 */
@Command(name = "inject", mixinStandardHelpOptions = true,
        description = {"Inject bit errors into a synthetic stored tensor and time it.",
                "Stores Gaussian values of --bits bits in --format, flips its bits with the error model at --ber, and "
                        + "reports the flips (against the model's expectation), the bits and the seconds."},
        footer = {"", "Examples:",
                "  undervolt errors inject --format int8 --ber 1e-3 --bits 1000000 --json",
                "  undervolt errors inject --error-model location:0.1 --ber 1e-3 --bits 400000000"})
public final class ErrorsInjectCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "int8", description = "Storage format, e.g. int8, int4-asym-channel, fp16, bf16, q7.8. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--ber", required = true, description = "Bit error rate in [0, 1].")
    double ber;

    @Option(names = "--bits", defaultValue = "100000000", description = "Bits of stored data to cover. Default: ${DEFAULT-VALUE}.")
    long bits;

    @Mixin SeedOption seedOption = new SeedOption();

    @Option(names = "--trials", defaultValue = "1", description = "Independent trials (flips and seconds are totals). Default: ${DEFAULT-VALUE}.")
    int trials;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Mixin
    ErrorsCommand.ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        ErrorModel model = modelOptions.at(ber);
        if (trials < 1) {
            throw new InvalidInputException("--trials: " + trials + "; expected a positive count");
        }
        var storage = OptionValues.parse("--format", format, Formats::byName);
        DramGeometry geometry = DramGeometry.lpddr3x32();
        DramImage clean;
        try {
            clean = SyntheticImages.gaussian(storage, bits, seedOption.seed, geometry);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--bits: " + e.getMessage());
        }
        DramImage trial = clean.copy();
        long flips = 0;
        long injectNanos = 0;
        long copyNanos = 0;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            trial.restoreFrom(clean);
            long t1 = System.nanoTime();
            flips += Injector.inject(trial, model, Seeds.stream(seedOption.seed, t));
            injectNanos += System.nanoTime() - t1;
            copyNanos += t1 - t0;
        }
        Map<String, Object> out = Json.fields(new Injected(format, model.name(), ber, 8L * clean.size(), trials, flips,
                model.expectedFlips(Injector.region(clean, 0, clean.size())) * trials, injectNanos * 1e-9,
                copyNanos * 1e-9, seedOption.seed));
        jsonOption.printLine(out, w -> out.forEach((k, v) -> w.printf("%-15s %s%n", k, HumanNumbers.text(v))));
        return 0;
    }

    /** The result: its components are the JSON keys and the text rows, in order (snake_case). */
    private record Injected(String format, String model, double ber, long bits, int trials, long flips,
            double expectedFlips, double seconds, double copySeconds, long seed) {
    }
}
