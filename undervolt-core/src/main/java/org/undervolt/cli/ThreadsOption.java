package org.undervolt.cli;

import picocli.CommandLine.Option;

/** {@code --threads T}, shared by the commands that work in parallel; results never depend on it. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;
}
