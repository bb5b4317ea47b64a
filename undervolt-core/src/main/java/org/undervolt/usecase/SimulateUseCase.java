package org.undervolt.usecase;

import java.io.IOException;

import org.undervolt.dram.sim.DramPowerCommandWriter;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.LoadStoreTraceReader;
import org.undervolt.dram.sim.SimResult;

/**
 * Simulates a request trace cycle by cycle ({@link DramSimulator}): the requests are read as the simulated frontend
 * takes them (memory does not grow with the file), the issued commands optionally written as a DRAMPower trace. The
 * implementation behind {@code undervolt dram simulate}.
 */
public final class SimulateUseCase {
    private SimulateUseCase() {
    }

    public static SimulateResult run(SimulateRequest r) throws IOException {
        DramSimulator sim = new DramSimulator(r.config());
        SimResult result;
        try (LoadStoreTraceReader.Stream trace = LoadStoreTraceReader.open(r.requests())) {
            if (r.commandsOut() != null) {
                try (DramPowerCommandWriter w = new DramPowerCommandWriter(r.commandsOut())) {
                    result = sim.run(trace, w);
                    w.finish(result.drainCycles());
                }
            } else {
                result = sim.run(trace, null);
            }
        }
        return new SimulateResult(r.config(), sim.mapping().name(), r.requests().toString(), result, r.commandsOut());
    }
}
