package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --model FILE} of the commands that need a model file ({@code eval}, {@code snn eval}, {@code bench
 * tolerance}, {@code export-onnx}, {@code import-onnx}): always a file, never an architecture ({@code --network})
 * nor an error model ({@code --error-model}). Where the file is optional it is {@link OptionalModelFileOption}.
 */
final class ModelFileOption {
    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The model file to read: a checkpoint of 'train' or 'retrain' (.uvnn); for 'snn eval' a model "
                    + "of 'snn train'; for 'import-onnx' an ONNX file.")
    Path file;
}
