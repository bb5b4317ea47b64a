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
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.RequestMapping;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimPresets;

/**
 * The cycle-level timing simulator on 1M uniform random requests (64-byte lines in 2 GiB, 20 % writes: the
 * golden README's Ramulator reference trace), per request, in memory. The baseline decodes every request's
 * address with the same mapping (RoBaRaCoCh), the first thing the simulator does with a request; the ratio
 * is the scheduling and timing work in units of that decode. {@code Ratios} also prints requests/s.
 * (Ramulator 2.0a does about 73,800 requests per CPU-second here: {@code undervolt bench dram-sim}.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SimBench {
    /** Requests in the trace; the scores are per request. */
    static final int REQUESTS = 1_000_000;

    @Param("DDR3")
    String standard;

    /** Trace length; tests shorten it, the benchmark keeps {@link #REQUESTS}. */
    int requests = REQUESTS;

    RequestTrace trace;
    DramSimulator simulator;
    RequestMapping mapping;
    final int[] fields = new int[6];

    @Setup
    public void setup() {
        SimConfig config = SimConfig.of(SimPresets.resolve(standard, null, null, 1, 1), "RoBaRaCoCh");
        trace = RequestTrace.uniformRandom(requests, 1L << 31, 0.2, BenchSeeds.MASTER + BenchSeeds.SIM);
        simulator = new DramSimulator(config);
        mapping = simulator.mapping();
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long baselineDecode() {
        long acc = 0;
        for (int i = 0, n = trace.size(); i < n; i++) {
            if (mapping.decode(trace.address(i), fields)) {
                acc += fields[RequestMapping.BA] ^ fields[RequestMapping.RO] ^ fields[RequestMapping.CO];
            }
        }
        return acc;
    }

    /** Returns the simulated memory cycles. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long simulate() {
        return simulator.run(trace, null).cycles();
    }
}
