package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.sim.SimPresets;

/**
 * The DRAM part of the timing simulator's commands ({@code dram simulate}, {@code dram sim-bench}): {@code --part}, a
 * part of the preset registry, a memspec file or one of Ramulator's organisation / speed-bin preset pairs by its name
 * ({@code DDR4_8Gb_x8+DDR4_2400R}, the name a run's JSON {@code part} gives it); or Ramulator's way of naming such a
 * pair, {@code --standard S [--org O] [--timing T]}, kept for command lines that mirror Ramulator's.
 */
final class SimPart {
    private SimPart() {
    }

    /**
     * The part named by {@code part} ({@code --part}: a preset name or alias, a preset pair's name
     * ({@link SimPresets#byName}) or a memspec file), or by {@code standard}
     * ({@code --standard}: Ramulator's organisation / speed-bin presets of a standard, picked with {@code org} and
     * {@code timing}; a part name there is read as {@code --part}); exactly one of the two. The simulator's view of it:
     * a rank of {@code channels} x {@code ranks}.
     *
     * @throws InvalidInputException on none or both, an unknown name, or --org/--timing with a part
     */
    static DramSpec resolve(String part, String standard, String org, String timing, int channels, int ranks) {
        if ((part == null) == (standard == null)) {
            throw new InvalidInputException("expected exactly one of --part NAME|FILE and --standard DDR3|DDR4|LPDDR3");
        }
        String name = part != null ? part : standard;
        if (part == null && SimPresets.standardOf(standard) != null) {
            return SimPresets.part(standard, org, timing, channels, ranks);
        }
        DramSpec pair = org != null || timing != null ? null : OptionValues.parse(part != null ? "--part" : "--standard",
                name, n -> SimPresets.byName(n, channels, ranks));
        if (pair != null) {
            return pair;
        }
        if (org != null || timing != null) {
            throw new InvalidInputException("--org/--timing: pick Ramulator's presets of --standard DDR3|DDR4|LPDDR3;"
                    + " part " + name + " brings its own organisation and timings");
        }
        DramSpec p;
        try {
            p = MemspecLoader.resolve(name).spec().asRank();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(part != null ? "--part: " + e.getMessage() // it names the three forms
                    : "--standard: unknown standard '" + name + "', expected one of " + SimPresets.standards()
                    + " or a part (--part): " + e.getMessage());
        }
        Organization o = p.organization();
        return p.withOrganization(new Organization(channels, ranks, o.bankGroups(), o.banks(), o.rows(), o.columns(),
                o.width(), o.devices(), o.burstLength(), o.dataRate(), o.subarrayRows()));
    }
}
