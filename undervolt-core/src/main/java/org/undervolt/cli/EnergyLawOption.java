package org.undervolt.cli;

import org.undervolt.dram.energy.VoltageScaling;

import picocli.CommandLine.Option;

/**
 * {@code --energy-law quadratic|linear}, shared by every command that prices DRAM energy at a lowered voltage
 * ({@code demo}, {@code map}, {@code operating-point}, {@code dram info}, {@code dram energy}).
 */
final class EnergyLawOption {
    @Option(names = "--energy-law", paramLabel = "quadratic|linear",
            description = "Core-rail energy versus voltage: quadratic (IDD proportional to V, capacitive charging) or "
                    + "linear (IDD fixed) (default: ${DEFAULT-VALUE}).")
    String name = "quadratic";

    /** The old name of {@code --energy-law}, kept hidden so that earlier command lines still run (it wins when given). */
    @Option(names = "--scaling", hidden = true, paramLabel = "quadratic|linear")
    String scaling;

    /** The law's name as given. */
    String name() {
        return scaling != null ? scaling : name;
    }

    /** The law named, checked. */
    VoltageScaling law() {
        return OptionValues.parse("--energy-law", name(), VoltageScaling::parse);
    }
}
