package org.undervolt.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;

/**
 * An option's old name, kept hidden so that earlier command lines still run: using it says once, in one line on
 * stderr, what the option is called now ({@code undervolt: --reps is now --repeats}).
 */
final class OldSpelling {
    private OldSpelling() {
    }

    /** Says on {@code spec}'s stderr that {@code old} is now {@code now}. */
    static void note(CommandSpec spec, String old, String now) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("undervolt: " + old + " is now " + now);
        err.flush();
    }
}
