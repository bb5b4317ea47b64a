package org.undervolt.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.onnx.OutputPaths;

import picocli.CommandLine.Option;

/**
 * {@code --out FILE}, shared by the commands that make one file (a checkpoint, a model, a bitmap): what the file
 * holds is the command's description.
 */
final class OutFileOption {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    /** The file, refused when it names a folder. */
    Path file() {
        if (Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + ": is a directory, expected a file name");
        }
        return out;
    }

    /** The file, refused when it names a folder or its folder does not exist. */
    Path writableFile() {
        OutputPaths.requireWritableFile(out);
        return out;
    }
}
