package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.sim.SimPresets;

/** The DRAM part of the timing simulator's commands ({@code dram simulate}, {@code dram sim-bench}): --part or --standard. */
final class SimPart {
    private SimPart() {
    }

    /**
     * The part named by {@code part} ({@code --part}: a preset name or alias, or a memspec file), or by {@code standard}
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
        if (org != null || timing != null) {
            throw new InvalidInputException("--org/--timing: pick Ramulator's presets of --standard DDR3|DDR4|LPDDR3;"
                    + " part " + name + " brings its own organisation and timings");
        }
        DramSpec p;
        try {
            p = MemspecLoader.resolve(name).spec().asRank();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(part != null ? "--part: " + e.getMessage()
                    : "--standard: unknown standard '" + name + "', expected one of " + SimPresets.standards()
                    + " or a part (--part): " + e.getMessage());
        }
        Organization o = p.organization();
        return p.withOrganization(new Organization(channels, ranks, o.bankGroups(), o.banks(), o.rows(), o.columns(),
                o.width(), o.devices(), o.burstLength(), o.dataRate(), o.subarrayRows()));
    }
}
