package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --model FILE} where a model file is optional ({@code retrain}, {@code map}, {@code tolerance}); the
 * required one is {@link ModelFileOption}.
 */
final class OptionalModelFileOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "A network checkpoint (.uvnn, of 'train' or 'retrain') to use; without it retrain trains "
                    + "--network, map takes --network's layers, tolerance needs --snn-model.")
    Path file;
}
