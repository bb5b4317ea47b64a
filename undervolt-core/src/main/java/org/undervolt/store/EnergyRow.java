package org.undervolt.store;

/**
 * A DRAM energy result at one operating point.
 *
 * @param label   which point ({@code nominal}, {@code chosen}, {@code vdd=1.10}, ...)
 * @param vdd     core supply voltage, volts
 * @param trcdNs  activation latency tRCD in ns, or NaN when not varied
 * @param energyJ energy, joules
 * @param extra   breakdown or scope, JSON, or {@code null}
 */
public record EnergyRow(String label, double vdd, double trcdNs, double energyJ, String extra) {
}
