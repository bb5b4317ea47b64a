package org.undervolt.dram.sim;

import java.util.List;

import org.undervolt.dram.spec.DramStandard;

/**
 * The command protocol the simulator schedules under: which timing rows of a part it reads and the
 * constraint set it builds from them ({@link TimingConstraints}).
 */
public enum Protocol {
    /**
     * DDR3/DDR4 (JESD79-3F, JESD79-4), as Ramulator 2.0a models them: read latency CL + BL/2 (tDQSCK not
     * added), precharge-all to ACT tRP.
     */
    DDR,
    /**
     * LPDDR3 (JESD209-3): read latency RL + tDQSCK + BL/2, precharge-all to ACT tRPab, the LPDDR3 command
     * spacing of {@link TimingConstraints#lpddr3}.
     */
    LPDDR3;

    /** The protocol of {@code standard}: LPDDR3's own, the DDR3/DDR4 one for every other standard. */
    public static Protocol of(DramStandard standard) {
        return standard == DramStandard.LPDDR3 ? LPDDR3 : DDR;
    }

    /** The constraint set of this protocol for {@code t}. */
    public List<TimingConstraints.Constraint> constraints(SimTimings t) {
        return this == LPDDR3 ? TimingConstraints.lpddr3(t) : TimingConstraints.ddr(t);
    }
}
