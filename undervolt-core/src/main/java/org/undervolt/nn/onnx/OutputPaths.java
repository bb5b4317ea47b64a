package org.undervolt.nn.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.InvalidInputException;

/** Checks an output file name before any work is done, so a bad {@code --out} is bad input (exit 2). */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** InvalidInputException if {@code out} is a directory or its folder does not exist. */
    public static void requireWritableFile(Path out) {
        if (Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + ": is a directory, expected a file name");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("--out " + out + ": folder " + dir + " does not exist");
        }
    }
}
