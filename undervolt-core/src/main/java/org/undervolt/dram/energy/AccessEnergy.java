package org.undervolt.dram.energy;

import org.undervolt.dram.spec.DramSpec;

/**
 * Energy in joules of one burst access (BL beats; 32 bytes for one x32 BL8 LPDDR3 device) by the state
 * of the row buffer it finds, built from DRAMPower command energies as SparkXD does (docs/PAPERS.md §3.3):
 * hit = RD (or WR), miss = ACT + RD, conflict = PRE + ACT + RD. Background energy is not included.
 *
 * <p>LPDDR3-1600 4Gb x32 at nominal voltage (reads): hit 1317 pJ, miss 4260 pJ, conflict 5367 pJ.
 *
 * @param hit      joules of an access to the open row
 * @param miss     joules of an access to a precharged bank
 * @param conflict joules of an access that finds another row open
 */
public record AccessEnergy(double hit, double miss, double conflict) {

    /** Read-burst access energies from command energies. */
    public static AccessEnergy reads(CommandEnergies e) {
        return new AccessEnergy(e.rd(), e.act() + e.rd(), e.pre() + e.act() + e.rd());
    }

    /** Write-burst access energies from command energies. */
    public static AccessEnergy writes(CommandEnergies e) {
        return new AccessEnergy(e.wr(), e.act() + e.wr(), e.pre() + e.act() + e.wr());
    }

    /** Read-burst access energies of {@code spec} at nominal voltage. */
    public static AccessEnergy of(DramSpec spec) {
        return reads(CommandEnergies.legacy(spec));
    }

    /** Read-burst access energies of {@code spec} with the core rail at {@code coreVolts}. */
    public static AccessEnergy of(DramSpec spec, double coreVolts, VoltageScaling scaling) {
        return reads(CommandEnergies.legacy(spec, coreVolts, scaling));
    }
}
