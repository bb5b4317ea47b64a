/**
 * DRAM energy: DRAMPower-4 per-command energies and per-burst access energies by row-buffer state,
 * trace energy under DRAMPower 4.1 or 5.1 counting rules, and voltage scaling of the core rail
 * ({@link org.undervolt.dram.energy.VoltageScaling}) or of every rail ({@link org.undervolt.dram.energy.RailScaling}).
 * Energy of a command stream has one home, {@link org.undervolt.dram.energy.EnergyListener}: fed by the timing
 * simulator (mapping's inference runs, {@link org.undervolt.dram.energy.SimulatedRun}), by an open-page replay, or
 * built over a trace file ({@code dram energy}); the demo's analytic count × energy figure
 * ({@link org.undervolt.dram.energy.AccessEnergyModel}) is tested equal to it on the same accesses.
 */
package org.undervolt.dram.energy;
