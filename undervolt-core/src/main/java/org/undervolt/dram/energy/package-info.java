/**
 * DRAM energy: DRAMPower-4 per-command energies and per-burst access energies by row-buffer state, energy of a
 * command stream under DRAMPower 4.1 or 5.1 counting rules, and voltage scaling of the core rail
 * ({@link org.undervolt.dram.energy.VoltageScaling}) or of every rail ({@link org.undervolt.dram.energy.RailScaling}).
 *
 * <p>A command stream's energy has one path, {@link org.undervolt.dram.energy.EnergyListener}: one state machine
 * that turns timed commands into state cycles ({@link org.undervolt.dram.energy.StateCycles}) and command energies,
 * whoever feeds it: the timing simulator (mapping's inference runs, {@link org.undervolt.dram.energy.SimulatedRun}),
 * an open-page replay, or a trace file that {@code dram.trace.TraceReader} streams into it ({@code dram energy}).
 * It reads out at each subarray's voltage ({@link org.undervolt.dram.energy.StreamEnergy}) or as DRAMPower prices
 * a trace ({@link org.undervolt.dram.energy.TraceEnergy}, equations in {@code DramPowerEquations}). The demo's
 * analytic count × energy figure ({@link org.undervolt.dram.energy.AccessEnergyModel}) is tested equal to the
 * listener's on the same accesses.
 */
package org.undervolt.dram.energy;
