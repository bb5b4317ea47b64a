package org.undervolt.usecase;

import java.util.Map;

/**
 * The energy of a command trace, every component in joules; its components are the keys of {@code dram energy
 * --json}, in order (snake_case, named as the options: {@code part} for --part, {@code energy_law} for --energy-law).
 *
 * @param part              the part as given (a preset name or a memspec file)
 * @param partFormat        how the part was described (its memspec format)
 * @param memoryId          the part's name inside its description
 * @param trace             the trace file
 * @param counting          whose counting rules were followed
 * @param coreRail          the core rail's name
 * @param vddNominal        its nominal voltage
 * @param vdd               the core rail's voltage priced
 * @param timingChecked     whether the timing between commands was checked
 * @param coreJ             energy on the core rail, J
 * @param ioJ               I/O energy, J; null where the memspec does not model it
 * @param totalJ            core and I/O, J
 * @param componentsJ       the core energy by component
 * @param ioComponentsJ     the I/O energy by component
 * @param commands          commands counted, by name
 * @param cycles            clock cycles by state
 * @param prechargesCounted PRE commands counted (PREA counted per bank)
 * @param railScaling       the rails lowered with {@code vdd}
 */
public record TraceEnergyResult(String part, String partFormat, String memoryId, String trace, String counting,
        String countingDescription, String coreRail, double vddNominal, double vdd, String energyLaw,
        boolean timingChecked, double coreJ, Double ioJ, double totalJ, Map<String, Double> componentsJ,
        Map<String, Double> ioComponentsJ, Map<String, Long> commands, Cycles cycles, long prechargesCounted,
        String railScaling) {

    /** Clock cycles of the trace by state; {@code bankActiveSum} sums over banks, {@code powerDown} over its four kinds. */
    public record Cycles(long total, long active, long precharged, long bankActiveSum, long powerDown, long selfRefresh) {
    }
}
