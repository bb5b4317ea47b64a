package org.undervolt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.undervolt.io.Json;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.snn.SnnImages;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.snn.SnnRuns;
import org.undervolt.storage.FormatSpec;
import org.undervolt.usecase.SnnEvalRequest;
import org.undervolt.usecase.SnnEvalUseCase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code undervolt snn eval}: test accuracy of a trained model, optionally with bit errors in its stored weights. */
@Command(name = "eval", mixinStandardHelpOptions = true, defaultValueProvider = SnnEvalCommand.Defaults.class,
        description = "Test accuracy of a trained SNN; with --format/--ber, the mean over --trials independent "
                + "draws of bit errors in the stored input weights.",
        footer = {"", "Examples:",
                "  undervolt snn train --neurons 100 --train-images 1000 --out n100.snn",
                "  undervolt snn eval --model n100.snn",
                "  undervolt snn eval --model n100.snn --format int8 --ber 1e-3 --trials 3 --json"})
public final class SnnEvalCommand implements Callable<Integer> {

    @Mixin DatasetOptions data;

    @Mixin ModelFileOption modelOption = new ModelFileOption();

    @Mixin TestImagesOption testImages = new TestImagesOption();
    @Mixin WeightErrorOptions weightErrors = new WeightErrorOptions();
    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin ThreadsOption threadsOption = new ThreadsOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        ErrorModelFamily errors = weightErrors.errors.family();
        Double ber = weightErrors.ber();
        int trials = weightErrors.trials;
        ErrorModel atBer = ErrorModelOption.at(errors, ber == null ? 0 : ber);
        if (trials < 1) {
            throw new InvalidInputException("--trials " + trials + ": expected a positive count");
        }
        FormatSpec storage = weightErrors.format();
        SnnModel m = SnnModelFile.read(modelOption.snn("'undervolt eval --model FILE' evaluates a DNN"));
        ImageDataset test = data.source().test();
        SnnImages.require(test);
        int n = testImages.count(test.size());
        int t = SnnCli.threads(threadsOption.threads);
        SnnRuns.EvalResult r = SnnEvalUseCase.run(new SnnEvalRequest(m, test, n, storage, ber, atBer, trials,
                seedOption.seed, t));
        jsonOption.print(Json.fields(r), o -> {
            int draws = r.accuracies().size();
            o.printf("accuracy %.4f on %d test images (%s, BER %s, %d %s; error-free in this format %.4f), %.1f s%n",
                    r.accuracy(), r.images(), r.format(), HumanNumbers.text(r.ber()), draws, draws == 1 ? "trial" : "trials",
                    r.baseline(), r.seconds());
        });
        return 0;
    }

    /** One error draw. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--trials", "1");
        }
    }
}
