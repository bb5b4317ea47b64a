package org.undervolt.dram.energy;

import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;

/**
 * A request trace simulated and priced in one pass: the timing simulator's result and the energy of the commands
 * it issued ({@link EnergyListener}, timed, the stream ended at the last data cycle). The simulator
 * runs the part {@code config} holds, with whatever timings it has: a part with tRCD, tRAS and tRP lengthened at
 * a lower VDD ({@code dram.spec.VoltageTimingTable#at}, {@code SimSpec#withCycles}) runs longer, and the
 * refresh and background energy of the longer run are read back here.
 *
 * @param sim    the simulation's result
 * @param energy the commands' energy plus refresh and background over the simulated duration
 */
public record SimulatedRun(SimResult sim, StreamEnergy energy) {

    /**
     * Simulates {@code trace} under {@code config} (which should drain: the duration priced is the drained run)
     * and prices the commands with each subarray's core rail at {@code volts}, energies from the part the
     * simulator ran (its currents and its timings: a lengthened tRAS lengthens the ACT energy, as DRAMPower has it).
     */
    public static SimulatedRun of(SimConfig config, RequestTrace trace, CoreVoltages volts, VoltageScaling scaling) {
        EnergyListener listener = new EnergyListener(config.spec().part(), volts, scaling, true);
        SimResult r = new DramSimulator(config).run(trace, listener);
        listener.finish(r.drainCycles());
        return new SimulatedRun(r, listener.energy());
    }

    /** Simulated duration (to the last data with drain) in seconds. */
    public double seconds() {
        return sim.drainCycles() * sim.tckNs() * 1e-9;
    }

    /** Mean read latency, arrival to data, in seconds. */
    public double avgReadLatencySeconds() {
        return sim.avgReadLatencyCycles() * sim.tckNs() * 1e-9;
    }
}
