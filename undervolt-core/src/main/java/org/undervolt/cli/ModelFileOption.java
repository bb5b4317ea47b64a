package org.undervolt.cli;

import java.nio.file.Path;

import org.undervolt.resilience.ModelFileKind;

import picocli.CommandLine.Option;

/**
 * {@code --model FILE} of the commands that need a model file ({@code eval}, {@code snn eval}, {@code bench
 * tolerance}, {@code export-onnx}, {@code import-onnx}): always a file, never an architecture ({@code --network})
 * nor an error model ({@code --error-model}). Where the file is optional it is {@link OptionalModelFileOption}. A command
 * that takes one kind of model says, for the other kind, which command takes it (the kind is the file's content,
 * {@link ModelFileKind}).
 */
final class ModelFileOption {
    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The model file to read: a checkpoint of 'train' or 'retrain' (.uvnn); for 'snn eval' a model "
                    + "of 'snn train'; for 'import-onnx' an ONNX file.")
    Path file;

    /** The file, a DNN checkpoint: an SNN model is one line saying that {@code instead} takes it. */
    Path dnn(String instead) {
        return ModelFileKind.SNN.refuse(file, "--model", instead);
    }

    /** The file, an SNN model: a DNN checkpoint is one line saying that {@code instead} takes it. */
    Path snn(String instead) {
        return ModelFileKind.DNN.refuse(file, "--model", instead);
    }
}
