package org.undervolt.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.SyntheticTraces;

/**
 * The DRAM energy listener fed a trace (DRAMPower's equations with its 4.1 and 5.1 counting) on a 1M-command synthetic trace
 * held in memory, per command: the baseline is one pass that reads every command's fields (cycle, command,
 * rank, bank), the least any trace consumer does. The ratio says how many such passes the state tracking and
 * energy equations cost; {@code Ratios} also prints commands/s. (DRAMPower 4.1 itself does about 430k
 * commands per CPU-second on this machine type: golden/dram/README.md; {@code undervolt bench dram-energy}
 * compares against that.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EnergyBench {
    /** Commands in the trace; the scores are per command. */
    static final int COMMANDS = 1_000_000;

    @Param("DDR4-2400")
    String part;

    /** Trace length; tests shorten it, the benchmark keeps {@link #COMMANDS}. */
    int commands = COMMANDS;

    DramSpec spec;
    CommandTrace trace;

    @Setup
    public void setup() {
        spec = MemspecLoader.resolve(part).spec();
        trace = SyntheticTraces.random(spec, commands, BenchSeeds.MASTER + BenchSeeds.ENERGY);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long baselineScan() {
        long acc = 0;
        for (int i = 0, n = trace.size(); i < n; i++) {
            acc += trace.cycle(i) ^ trace.commandOrdinal(i) ^ ((long) trace.rank(i) << 8) ^ ((long) trace.bank(i) << 16);
        }
        return acc;
    }

    /** Returns the core energy in joules. */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public double energy41() {
        return EnergyListener.over(spec, EnergyCounting.DRAMPOWER_4_1, trace).traceEnergy().coreJoules();
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public double energy51() {
        return EnergyListener.over(spec, EnergyCounting.DRAMPOWER_5_1, trace).traceEnergy().coreJoules();
    }
}
