package org.undervolt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --repeats N}, declared here only: the timed repetitions of a benchmark ({@code dram bench}, {@code dram
 * sim-bench}, {@code nn-bench}, {@code errors bench}), whose median is reported. Each command's default is its
 * {@link OptionDefaults}'. The old names ({@code --reps}, {@code --passes}) are kept hidden: one line on stderr says
 * what the option is called now, and the value given so wins over the default.
 */
final class RepeatsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Timed repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    /** The value given under an old name, or null. */
    private Integer old;

    /** The old name of {@code --repeats} in {@code dram sim-bench} and {@code errors bench}. */
    @Option(names = "--reps", hidden = true, paramLabel = "N")
    void reps(int n) {
        old(n, "--reps");
    }

    /** The old name of {@code --repeats} in {@code nn-bench}. */
    @Option(names = "--passes", hidden = true, paramLabel = "N")
    void passes(int n) {
        old(n, "--passes");
    }

    private void old(int n, String name) {
        old = n; // kept apart: picocli may apply --repeats' default after this
        OldSpelling.note(mixee, name, "--repeats");
    }

    /** The repetitions, checked: at least one. */
    int value() {
        int n = old != null ? old : repeats;
        OptionValues.range("--repeats", n, 1, Integer.MAX_VALUE);
        return n;
    }
}
