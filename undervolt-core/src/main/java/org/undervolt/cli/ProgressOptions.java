package org.undervolt.cli;

import picocli.CommandLine.Option;

/**
 * {@code --quiet} and {@code --progress}, shared by the commands that do long work (issue 9, "progress
 * bars with ETA on long work, terminal only"): progress lines go to stderr when it is a terminal, or
 * anywhere with {@code --progress}; {@code --quiet} and {@code --json} silence them.
 */
final class ProgressOptions {
    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--progress", description = "Progress lines on stderr even when it is not a terminal (e.g. into a log).")
    boolean progress;

    /** Whether to show progress lines, for a command whose {@code --json} is {@code json}. */
    boolean show(boolean json) {
        return !json && !quiet && (progress || onTerminal());
    }

    /** Progress lines for stderr when {@link #show} says so, else none. */
    java.util.function.Consumer<String> lines(JsonOption output) {
        return show(output.json) ? output.log() : m -> { };
    }

    /** Whether stderr is likely a terminal: a console exists (and, on Java 22+, is one). */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java < 22: a console exists only on a terminal
        }
    }
}
