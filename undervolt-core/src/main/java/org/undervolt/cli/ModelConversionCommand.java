package org.undervolt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/**
 * A command that converts the model file of {@code --model} into the file of {@code --out} and prints what it wrote
 * ({@code export-onnx}, {@code import-onnx}).
 */
abstract class ModelConversionCommand implements Callable<Integer> {
    @Mixin ModelFileOption modelOption = new ModelFileOption();
    @Mixin OutFileOption output = new OutFileOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public final Integer call() throws IOException {
        convert(output.writableFile());
        return 0;
    }

    /** Converts the file of --model into {@code out} (already checked to be writable) and prints the summary. */
    abstract void convert(Path out) throws IOException;
}
