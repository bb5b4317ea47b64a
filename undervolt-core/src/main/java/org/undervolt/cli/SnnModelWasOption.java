package org.undervolt.cli;

import java.nio.file.Path;

import org.undervolt.InvalidInputException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The hidden {@code --snn-model FILE} of {@code tolerance} and {@code retrain}, where it once named an SNN model: a
 * model file is {@code --model FILE} now, DNN or SNN, told apart by its content
 * ({@link org.undervolt.resilience.ModelFileKind}). The old spelling still runs and says so in one line on stderr.
 */
final class SnnModelWasOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Path file;

    @Option(names = "--snn-model", hidden = true, paramLabel = "FILE")
    void snnModel(Path given) {
        file = given;
        OldSpelling.note(mixee, "--snn-model", "--model");
    }

    /** The model file of {@code --model} ({@code model}, may be null) or of the old {@code --snn-model}; not both. */
    Path or(Path model) {
        if (file != null && model != null) {
            throw new InvalidInputException("--model " + model + ": give one model file (--snn-model " + file
                    + " is --model now)");
        }
        return file != null ? file : model;
    }
}
