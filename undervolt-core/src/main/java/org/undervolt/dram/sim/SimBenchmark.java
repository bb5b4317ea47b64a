package org.undervolt.dram.sim;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /** Runs the benchmark; returns the figures by name. */
    public static Map<String, Object> run(int n, String standard, int reps) throws IOException {
        return run(n, SimPresets.resolve(standard, null, null, 1, 1), reps);
    }

    /** Runs the benchmark on {@code spec}; returns the figures by name. */
    public static Map<String, Object> run(int n, SimSpec spec, int reps) throws IOException {
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
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests", n);
            out.put("standard", spec.standard() + " " + spec.part().name());
            out.put("simulated_cycles", result.cycles());
            out.put("in_process_timing", "best thread CPU time after warm-up; no JVM start, JIT or GC threads");
            out.put("in_process_in_memory_s", bestMem / 1e9);
            out.put("in_process_in_memory_requests_per_s", n / (bestMem / 1e9));
            out.put("in_process_parse_s", bestParse / 1e9);
            out.put("in_process_from_file_s", bestFile / 1e9);
            out.put("in_process_from_file_requests_per_s", n / (bestFile / 1e9));
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String std = args.length > 1 ? args[1] : "DDR3";
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        run(n, std, reps).forEach((k, v) -> System.out.println(k + ": "
                + (v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v)));
    }
}
