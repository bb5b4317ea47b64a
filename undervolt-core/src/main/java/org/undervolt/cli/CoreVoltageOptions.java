package org.undervolt.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --vdd VOLTS} and {@code --energy-law}: the core-rail voltage a part is priced at (its nominal one by default)
 * and how its energy follows the voltage, as {@code dram energy} and {@code dram info} take them.
 */
final class CoreVoltageOptions {
    @Option(names = "--vdd", paramLabel = "VOLTS", description = "core-rail voltage (default: nominal)")
    Double vdd;

    @Mixin EnergyLawOption energyLaw = new EnergyLawOption();

    /** --vdd, checked to be a positive voltage; null when not given (the part's nominal voltage). */
    Double vdd() {
        if (vdd != null) {
            OptionValues.positive("--vdd", vdd, "a voltage");
        }
        return vdd;
    }
}
