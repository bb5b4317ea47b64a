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
 * Requests per second of the timing simulator on a uniform random trace (64-byte lines in 2 GiB, 20 % writes,
 * as the golden README's Ramulator reference run), in memory and end to end from a LoadStoreTrace file, and
 * the ratio to Ramulator 2.0a's reference speed on this machine: 200,000 requests of the same kind of trace on
 * the DDR3-1600 config in 2.71 s of user CPU time = 73,800 requests/s (golden/dram/README.md, "Reference speed").
 *
 * <p>Times are CPU time of the measuring thread (the reference is CPU time too), best of the repetitions after
 * warm-up runs. Usage: {@code SimBenchmark [requests] [standard] [repetitions]}.
 */
public final class SimBenchmark {
    /** Ramulator 2.0a, DDR3-1600 config, rand_r80_200k: 200,000 requests / 2.71 s user CPU. */
    public static final double RAMULATOR_REQUESTS_PER_S = 200_000 / 2.71;

    private SimBenchmark() {
    }

    /** Runs the benchmark; returns the figures by name. */
    public static Map<String, Object> run(int n, String standard, int reps) throws IOException {
        SimSpec spec = SimPresets.resolve(standard, null, null, 1, 1);
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
            out.put("in_memory_s", bestMem / 1e9);
            out.put("in_memory_requests_per_s", n / (bestMem / 1e9));
            out.put("parse_s", bestParse / 1e9);
            out.put("end_to_end_s", bestFile / 1e9);
            out.put("end_to_end_requests_per_s", n / (bestFile / 1e9));
            out.put("ramulator_requests_per_s", RAMULATOR_REQUESTS_PER_S);
            out.put("in_memory_ratio", n / (bestMem / 1e9) / RAMULATOR_REQUESTS_PER_S);
            out.put("end_to_end_ratio", n / (bestFile / 1e9) / RAMULATOR_REQUESTS_PER_S);
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
