package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --out FILE}, shared by the commands that make one file (a checkpoint, a model, a bitmap): what the file
 * holds is the command's description.
 */
final class OutFileOption {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;
}
