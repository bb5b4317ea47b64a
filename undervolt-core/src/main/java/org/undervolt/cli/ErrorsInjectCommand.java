package org.undervolt.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.io.Json;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.InjectRequest;
import org.undervolt.usecase.InjectResult;
import org.undervolt.usecase.InjectUseCase;
import org.undervolt.usecase.SettingNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt errors inject}: stores a synthetic tensor of the given size in a format, injects
 * one error model into its DRAM image, and reports flips, bits and time. Parses the options, calls
 * {@link InjectUseCase}, prints.
 */
@Command(name = "inject", mixinStandardHelpOptions = true,
        description = {"Inject bit errors into a synthetic stored tensor and time it.",
                "Stores Gaussian values of --bits bits in --format, flips its bits with the error model at --ber, and "
                        + "reports the flips (against the model's expectation), the bits and the seconds."},
        footer = {"", "Examples:",
                "  undervolt errors inject --format int8 --ber 1e-3 --bits 1000000 --json",
                "  undervolt errors inject --error-model location:0.1 --ber 1e-3 --bits 400000000"})
public final class ErrorsInjectCommand implements Callable<Integer> {

    @Mixin ErrorsCommand.TensorFormat tensorFormat;

    @Option(names = "--bits", defaultValue = "100000000", description = "Bits of stored data to cover. Default: ${DEFAULT-VALUE}.")
    long bits;

    @Mixin SeedOption seedOption = new SeedOption();

    @Option(names = "--trials", defaultValue = "1", description = "Independent trials (flips and seconds are totals). Default: ${DEFAULT-VALUE}.")
    int trials;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Mixin ErrorsCommand.ModelAtBer errors;

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() throws Exception {
        ErrorModel model = errors.model();
        var storage = tensorFormat.spec();
        InjectResult r;
        try {
            r = InjectUseCase.run(new InjectRequest(storage, model, errors.ber, bits, trials, seedOption.seed));
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        Map<String, Object> out = Json.fields(r);
        jsonOption.printLine(out, w -> out.forEach((k, v) -> w.printf("%-15s %s%n", k, HumanNumbers.text(v))));
        return 0;
    }
}
