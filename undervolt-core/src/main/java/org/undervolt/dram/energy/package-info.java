/**
 * DRAM energy: DRAMPower-4 per-command energies and per-burst access energies by row-buffer state,
 * trace energy under DRAMPower 4.1 or 5.1 counting rules, and voltage scaling of the core rail
 * ({@link org.undervolt.dram.energy.VoltageScaling}) or of every rail ({@link org.undervolt.dram.energy.RailScaling}).
 */
package org.undervolt.dram.energy;
