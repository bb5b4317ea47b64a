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
        requireWritableFile(out, "--out");
    }

    /** As {@link #requireWritableFile(Path)}, the message naming {@code option}. */
    public static void requireWritableFile(Path out, String option) {
        if (Files.isDirectory(out)) {
            throw new InvalidInputException(option + " " + out + ": is a directory, expected a file name");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(option + " " + out + ": folder " + dir + " does not exist");
        }
    }

    /**
     * InvalidInputException if {@code out}, a result folder made when missing, names something that is not a folder
     * (a file), or lies under one.
     */
    public static void requireFolder(Path out, String option) {
        for (Path p = out.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new InvalidInputException(option + " " + out + ": " + (p.equals(out.toAbsolutePath())
                        ? "is a file" : p + " is a file") + ", expected a folder (made when missing)");
            }
        }
    }
}
