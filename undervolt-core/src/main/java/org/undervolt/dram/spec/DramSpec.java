package org.undervolt.dram.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * A DRAM part: the one description that the energy model ({@code dram.energy}), the timing simulator
 * ({@code dram.sim}) and mapping read. Standard, organisation, timings as named rows in cycles, and supply
 * rails with their currents.
 *
 * <p>A part may be timing-only (no rails: Ramulator's speed-bin presets, which carry no currents); energy of
 * such a part is refused by {@link #requireCurrents()}, naming the part. A value a reader needs and the part
 * does not define is an error naming the field ({@link Timings#require}), never a silent default.
 *
 * @param name         identifier (preset name or the memspec's memoryId)
 * @param standard     DRAM standard
 * @param organization channel/rank/bank/row/column organisation
 * @param timings      timing parameters in cycles and the clock period
 * @param rails        supply rails, each with its datasheet currents (one device); empty for a timing-only part
 * @param coreRail     name of the rail voltage scaling acts on (VDD for DDR3/4, VDD2 for LPDDR3)
 * @param rho          DRAMPower 5 bank-wise factor rho (1.0 reduces the bank-wise model to the legacy one)
 * @param source       where the numbers come from (datasheet, memspec file)
 */
public record DramSpec(String name, DramStandard standard, Organization organization, Timings timings,
                       List<Rail> rails, String coreRail, double rho, String source) {

    public DramSpec {
        rails = List.copyOf(rails);
        if (!rails.isEmpty() && rails.stream().noneMatch(r -> r.name().equals(coreRail))) {
            throw new IllegalArgumentException(name + ": core rail " + coreRail + " not among rails "
                    + rails.stream().map(Rail::name).toList());
        }
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException(name + ": rho must be in [0, 1], got " + rho);
        }
        for (Rail r : rails) {
            String wrong = r.currents().belowStandby();
            if (wrong != null) {
                throw new InvalidInputException(source + ": rail " + r.name() + ": " + wrong);
            }
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

    /** The core (array) rail that voltage scaling acts on; a timing-only part has none ({@link #requireCurrents}). */
    public Rail core() {
        return requireCurrents().rail(coreRail);
    }

    /** Nominal voltage of the core rail. */
    public double coreVolts() {
        return core().volts();
    }

    /** Whether the part carries supply currents (false for a timing-only part). */
    public boolean hasCurrents() {
        return !rails.isEmpty();
    }

    /** This part, if it carries supply currents; else an error naming it (energy needs IDD values). */
    public DramSpec requireCurrents() {
        if (rails.isEmpty()) {
            throw new InvalidInputException("DRAM part " + name + " defines no supply rails or IDD currents (a timing-only"
                    + " preset), expected a part with currents for energy: a preset from 'undervolt dram presets' or a"
                    + " DRAMPower memspec");
        }
        return this;
    }

    /** The same part with timings {@code t}. */
    public DramSpec withTimings(Timings t) {
        return new DramSpec(name, standard, organization, t, rails, coreRail, rho, source);
    }

    /** The same part with the timing rows in {@code cycles} replaced or added (e.g. {@code RCD} lengthened). */
    public DramSpec withCycles(Map<String, Integer> cycles) {
        Map<String, Integer> c = new LinkedHashMap<>(timings.cycles());
        c.putAll(cycles);
        return withTimings(new Timings(timings.tckSeconds(), c));
    }

    /** The same part with organisation {@code o}. */
    public DramSpec withOrganization(Organization o) {
        return new DramSpec(name, standard, o, timings, rails, coreRail, rho, source);
    }

    /**
     * The part assembled into a rank as its standard does ({@link DramStandard#rankWidthBits}): DDR3/DDR4 get
     * 64 / width devices per rank, other standards keep the part's own device count.
     */
    public DramSpec asRank() {
        Organization o = organization;
        int bits = standard.rankWidthBits();
        int devices = bits > 0 && o.width() < bits ? bits / o.width() : o.devices();
        return withDevices(devices);
    }

    /** The same part with {@code devices} devices per rank. */
    public DramSpec withDevices(int devices) {
        Organization o = organization;
        return withOrganization(new Organization(o.channels(), o.ranks(), o.bankGroups(), o.banks(), o.rows(),
                o.columns(), o.width(), devices, o.burstLength(), o.dataRate(), o.subarrayRows()));
    }
}
