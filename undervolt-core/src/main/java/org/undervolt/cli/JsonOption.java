package org.undervolt.cli;

import picocli.CommandLine.Option;

/** {@code --json}, shared by every command that prints a result: one JSON object on stdout, no progress lines. */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON object on stdout instead of text (no progress lines).")
    boolean json;
}
