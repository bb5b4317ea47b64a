package org.undervolt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A hidden {@code --preset} on the commands where it used to name the DRAM part ({@code demo}, {@code eval},
 * {@code map}): the part is {@code --part} everywhere now, and {@code --preset} names only a pipeline preset
 * ({@code eden}, {@code sparkxd}). The old spelling gets one line saying so, exit code 2.
 */
final class PartWasPresetOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--preset", hidden = true, paramLabel = "NAME")
    void preset(String value) {
        throw new CommandLine.ParameterException(mixee.commandLine(), "--preset " + value
                + ": the DRAM part is --part " + value + " (--preset names a pipeline preset of 'eden' and 'sparkxd')");
    }
}
