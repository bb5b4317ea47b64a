package org.undervolt.dram.sim;

import java.util.List;

import org.undervolt.InvalidInputException;
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
    LPDDR3,
    /**
     * LPDDR4 (JESD209-4): read latency RL + tDQSCK + BL/2 with BL16, per-bank precharge tRPpb and all-bank tRPab,
     * tPPD between precharges, multi-cycle commands on the command/address bus, the LPDDR4 command spacing of
     * {@link TimingConstraints#lpddr4}.
     */
    LPDDR4;

    /**
     * The protocol of {@code standard}: LPDDR3's and LPDDR4's own, the DDR3/DDR4 one for DDR3, DDR4 and parts of no
     * named standard. DDR5 (JESD79-5: bank groups of their own timing, same-bank refresh, two channels per DIMM)
     * and LPDDR5 (JESD209-5: WCK clocking, bank organisations) have rules this simulator does not model: they are
     * refused in one line rather than scheduled under DDR4's rules (their energy over a command trace is priced by
     * {@code dram energy}).
     *
     * @throws InvalidInputException for DDR5 and LPDDR5
     */
    public static Protocol of(DramStandard standard) {
        return switch (standard) {
            case LPDDR3 -> LPDDR3;
            case LPDDR4 -> LPDDR4;
            case DDR5, LPDDR5 -> throw new InvalidInputException("the cycle-level simulator models DDR3, DDR4, LPDDR3 "
                    + "and LPDDR4 command rules, not " + standard + "'s: give a part of those standards (undervolt dram "
                    + "presets); a " + standard + " part's energy over a command trace: undervolt dram energy");
            default -> DDR;
        };
    }

    /**
     * Cycles from issuing a RD to the end of its data: {@link SimTimings#readLatency} (RL/CL + tDQSCK + BL/2, counted
     * from the command's last clock) plus the clocks a multi-clock RD takes before its last (3 for LPDDR4's READ-1 +
     * CAS-2, {@link TimingConstraints#lpddr4}; 0 for the one-clock commands of DDR and LPDDR3).
     */
    public int readLatency(SimTimings t) {
        return t.readLatency() + (this == LPDDR4 ? TimingConstraints.lpddr4Clocks(SimCommand.RD) - 1 : 0);
    }

    /** The constraint set of this protocol for {@code t}. */
    public List<TimingConstraints.Constraint> constraints(SimTimings t) {
        return switch (this) {
            case DDR -> TimingConstraints.ddr(t);
            case LPDDR3 -> TimingConstraints.lpddr3(t);
            case LPDDR4 -> TimingConstraints.lpddr4(t);
        };
    }
}
