package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --model FILE} where a model file is optional ({@code retrain}, {@code map}, {@code tolerance}), a DNN
 * checkpoint or an SNN model ({@link org.undervolt.resilience.ModelFileKind}); the required one is {@link ModelFileOption}.
 */
final class OptionalModelFileOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "The model file to use: a network checkpoint (.uvnn, of 'train' or 'retrain') or, for retrain "
                    + "and tolerance, an SNN model (of 'snn train'), told apart by the file's content; without it retrain "
                    + "trains --network and map takes --network's layers.")
    Path file;
}
