package org.undervolt.cli;

import java.nio.file.Path;

import org.undervolt.nn.onnx.OutputPaths;

import picocli.CommandLine.Option;

/**
 * {@code --out DIR}, shared by the commands whose work is long and resumable ({@code retrain}, {@code tolerance}):
 * the folder their results go to, and where a rerun of the same command picks up.
 */
final class OutFolderOption {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Result folder, also the resume point: run the same command again to continue.")
    Path out;

    /** The folder, refused when it (or a folder above it) is a file. */
    Path folder() {
        OutputPaths.requireFolder(out, "--out");
        return out;
    }
}
