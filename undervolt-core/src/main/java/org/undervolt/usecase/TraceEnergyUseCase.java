package org.undervolt.usecase;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.StateCycles;
import org.undervolt.dram.energy.TraceEnergy;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.trace.CommandSink;
import org.undervolt.dram.trace.TimingChecker;
import org.undervolt.dram.trace.TraceReader;

/**
 * Prices a DRAMPower command trace: the trace is read streaming (never held), checked for timing and counted and
 * accounted by the energy listener as it is read, then read out at the request's voltage. The implementation
 * behind {@code undervolt dram energy}.
 */
public final class TraceEnergyUseCase {
    private TraceEnergyUseCase() {
    }

    public static TraceEnergyResult run(TraceEnergyRequest r) {
        DramSpec s = r.part().spec();
        EnergyCounting how = r.countingUsed();
        String source = r.trace().toString();
        EnergyListener energy = EnergyListener.forTrace(s, how, source);
        TraceReader.stream(r.trace(), s.organization(), r.timingCheck()
                ? CommandSink.tee(TimingChecker.of(s, source), energy) : energy);
        TraceEnergy e = energy.traceEnergy(r.volts(), r.law(), r.rails());
        Map<String, Long> cmds = new LinkedHashMap<>();
        energy.commandCounts().forEach((command, n) -> cmds.put(command.name(), n));
        StateCycles c = e.cycles();
        return new TraceEnergyResult(r.part().file(), r.part().format().name(), s.name(), source, how.name(),
                how.description(), s.coreRail(), s.coreVolts(), r.volts(), r.law().toString(), r.timingCheck(),
                e.coreJoules(), e.ioJoules(), e.totalJoules(), e.components(), e.ioComponents(), cmds,
                new TraceEnergyResult.Cycles(c.totalCycles(), c.activeCycles(), c.prechargedCycles(), c.bankActiveCycles(),
                        c.pdnActFast() + c.pdnActSlow() + c.pdnPreFast() + c.pdnPreSlow(), c.selfRefresh()), c.pre(),
                r.rails().toString());
    }
}
