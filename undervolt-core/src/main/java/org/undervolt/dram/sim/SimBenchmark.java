package org.undervolt.dram.sim;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.undervolt.io.Json;

/**
 * In-process speed of the timing simulator (the kernel: no JVM start, JIT or GC threads) on a uniform random
 * trace (64-byte lines in 2 GiB, 20 % writes): requests per second of the measuring thread's CPU time, best of
 * the repetitions after warm-up runs, with the trace in memory and read from a LoadStoreTrace file. No ratio to
 * a peer is given here: a peer's figure is a whole process ({@code undervolt dram sim-bench} times a whole
 * {@code dram simulate} process for that). Usage: {@code SimBenchmark [requests] [standard] [repetitions]}.
 */
public final class SimBenchmark {
    private SimBenchmark() {
    }

    /**
     * The figures, as {@code dram sim-bench} prints them: its components are the keys in order (snake_case).
     *
     * @param standard                       the standard and part simulated
     * @param simulatedCycles                memory cycles the trace took
     * @param inProcessTiming                how the times were taken
     * @param inProcessInMemoryS             best CPU seconds with the trace in memory
     * @param inProcessInMemoryRequestsPerS  requests per CPU second, in memory
     * @param inProcessParseS                best CPU seconds reading the trace file
     * @param inProcessFromFileS             best CPU seconds reading the file and simulating
     * @param inProcessFromFileRequestsPerS  requests per CPU second, from the file
     */
    public record Figures(int requests, String standard, long simulatedCycles, String inProcessTiming,
            double inProcessInMemoryS, double inProcessInMemoryRequestsPerS, double inProcessParseS,
            double inProcessFromFileS, double inProcessFromFileRequestsPerS) {
    }

    /** Runs the benchmark; returns its figures. */
    public static Figures run(int n, String standard, int reps) throws IOException {
        return run(n, SimPresets.resolve(standard, null, null, 1, 1), reps);
    }

    /** Runs the benchmark on {@code spec}; returns its figures. */
    public static Figures run(int n, SimSpec spec, int reps) throws IOException {
        SimConfig cfg = SimConfig.of(spec, "RoBaRaCoCh");
        RequestTrace trace = RequestTrace.uniformRandom(n, 1L << 31, 0.2, 42);
        Path file = Files.createTempFile("undervolt-sim-bench", ".trace");
        try {
            trace.writeLoadStore(file);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            DramSimulator sim = new DramSimulator(cfg);
            RequestTrace warm = trace.prefix(Math.min(n, 200_000));
            for (int i = 0; i < 3; i++) {
                sim.run(warm, null);
            }
            long bestMem = Long.MAX_VALUE, bestFile = Long.MAX_VALUE, bestParse = Long.MAX_VALUE;
            SimResult result = null;
            for (int r = 0; r < reps; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                result = sim.run(trace, null);
                long t1 = mx.getCurrentThreadCpuTime();
                RequestTrace loaded = LoadStoreTraceReader.read(file);
                long t2 = mx.getCurrentThreadCpuTime();
                new DramSimulator(cfg).run(loaded, null);
                long t3 = mx.getCurrentThreadCpuTime();
                bestMem = Math.min(bestMem, t1 - t0);
                bestParse = Math.min(bestParse, t2 - t1);
                bestFile = Math.min(bestFile, t3 - t1);
            }
            return new Figures(n, spec.standard() + " " + spec.part().name(), result.cycles(),
                    "best thread CPU time after warm-up; no JVM start, JIT or GC threads", bestMem / 1e9,
                    n / (bestMem / 1e9), bestParse / 1e9, bestFile / 1e9, n / (bestFile / 1e9));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String std = args.length > 1 ? args[1] : "DDR3";
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Json.fields(run(n, std, reps)).forEach((k, v) -> System.out.println(k + ": "
                + (v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v)));
    }
}
