package org.undervolt.dram.spec;

import java.util.List;

/**
 * A DRAM part: standard, organisation, timings and supply rails with their currents.
 *
 * @param name         identifier (preset name or the memspec's memoryId)
 * @param standard     DRAM standard
 * @param organization channel/rank/bank/row/column organisation
 * @param timings      timing parameters in cycles and the clock period
 * @param rails        supply rails, each with its datasheet currents (one device)
 * @param coreRail     name of the rail voltage scaling acts on (VDD for DDR3/4, VDD2 for LPDDR3)
 * @param rho          DRAMPower 5 bank-wise factor rho (1.0 reduces the bank-wise model to the legacy one)
 * @param source       where the numbers come from (datasheet, memspec file)
 */
public record DramSpec(String name, DramStandard standard, Organization organization, Timings timings,
                       List<Rail> rails, String coreRail, double rho, String source) {

    public DramSpec {
        rails = List.copyOf(rails);
        if (rails.isEmpty()) {
            throw new IllegalArgumentException(name + ": a spec needs at least one rail");
        }
        if (rails.stream().noneMatch(r -> r.name().equals(coreRail))) {
            throw new IllegalArgumentException(name + ": core rail " + coreRail + " not among rails "
                    + rails.stream().map(Rail::name).toList());
        }
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException(name + ": rho must be in [0, 1], got " + rho);
        }
    }

    /** The rail named {@code railName}. */
    public Rail rail(String railName) {
        for (Rail r : rails) {
            if (r.name().equals(railName)) {
                return r;
            }
        }
        throw new IllegalArgumentException(name + ": no rail " + railName);
    }

    /** The core (array) rail that voltage scaling acts on. */
    public Rail core() {
        return rail(coreRail);
    }

    /** Nominal voltage of the core rail. */
    public double coreVolts() {
        return core().volts();
    }
}
