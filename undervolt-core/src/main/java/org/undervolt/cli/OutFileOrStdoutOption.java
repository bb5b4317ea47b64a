package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --out FILE} where the file is optional ({@code runs export}): without it the output goes to stdout. The
 * required {@code --out FILE} of the commands that make one file is {@link OutFileOption}.
 */
final class OutFileOrStdoutOption {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to this file (atomically) instead of "
            + "to stdout.")
    Path out;
}
