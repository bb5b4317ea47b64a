package org.undervolt.cli;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/**
 * A command whose run is short enough that building picocli's model of it would be a large part of it (picocli reflects
 * over the command's annotations: about a tenth of a second of CPU at every start, more than reading a 1M-line trace),
 * so {@link DirectRun} can also fill its options from a plain command line without picocli. Its option fields carry
 * their defaults as initial values (which picocli shows as the defaults), so both ways start from the same values;
 * {@code DirectRunTest} checks that both ways fill every option field alike. {@code --json} is every direct command's,
 * and set here.
 */
abstract class DirectCommand implements Callable<Integer> {
    @Mixin JsonOption jsonOption = new JsonOption();

    /** The command's options that take no value, besides --json. */
    private final Set<String> flags;
    /** Other names of options, each to the option's first name. */
    private final Map<String, String> otherNames;

    DirectCommand(Set<String> flags, Map<String, String> otherNames) {
        this.flags = flags;
        this.otherNames = otherNames;
    }

    /** Whether {@code name} is one of the command's options that take no value. */
    final boolean isFlag(String name) {
        return name.equals("--json") || flags.contains(name);
    }

    /**
     * Sets option {@code name} (as typed, e.g. {@code --trace}) to {@code value} (null for a flag); false when the name
     * is not one of the command's options or the value is not of the option's type, so that picocli's parser runs and
     * says what is wrong.
     */
    final boolean set(String name, String value) {
        if (name.equals("--json")) {
            jsonOption.json = true;
            return true;
        }
        return setOption(name, value);
    }

    /** As {@link #set}, for the command's own options (not --json). */
    abstract boolean setOption(String name, String value);

    /** The option's first name when {@code name} is one of its other names (both may not be given, as in picocli). */
    final String canonical(String name) {
        return otherNames.getOrDefault(name, name);
    }

    /** Whether the options set so far make a complete command line (every required option given). */
    abstract boolean complete();

    /** The command's --json option and output streams. */
    final JsonOption jsonOption() {
        return jsonOption;
    }
}
