package org.undervolt.cli;

import java.util.concurrent.Callable;

/**
 * A command whose run is short enough that building picocli's model of it would be a large part of it (picocli reflects
 * over the command's annotations: about a tenth of a second of CPU at every start, more than reading a 1M-line trace),
 * so {@link DirectRun} can also fill its options from a plain command line without picocli. Its option fields carry
 * their defaults as initial values (which picocli shows as the defaults), so both ways start from the same values;
 * {@code DirectRunTest} checks that both ways fill every option field alike.
 */
interface DirectCommand extends Callable<Integer> {
    /** Whether {@code name} is one of the command's options that take no value. */
    boolean isFlag(String name);

    /**
     * Sets option {@code name} (as typed, e.g. {@code --trace}) to {@code value} (null for a flag); false when the name
     * is not one of the command's options or the value is not of the option's type, so that picocli's parser runs and
     * says what is wrong.
     */
    boolean set(String name, String value);

    /** The option's first name when {@code name} is one of its other names (both may not be given, as in picocli). */
    default String canonical(String name) {
        return name;
    }

    /** Whether the options set so far make a complete command line (every required option given). */
    boolean complete();

    /** The command's --json option and output streams. */
    JsonOption jsonOption();
}
