package org.undervolt.dram.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.undervolt.dram.energy.EnergyCounting;
import org.undervolt.dram.energy.TraceEnergy;
import org.undervolt.dram.energy.TraceEnergyModel;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.SyntheticTraces;
import org.undervolt.dram.trace.TraceFormat;
import org.undervolt.dram.trace.TraceReader;
import org.undervolt.dram.trace.TraceWriter;

/**
 * Speed of the trace energy model, in commands per second of this thread's CPU time (as the golden README
 * measures the reference tools: user CPU time, comparable on a busy 2-core machine):
 * <ul>
 *   <li>in memory: a generated trace already in arrays → energy (state tracking + equations);</li>
 *   <li>end to end: the same trace written to a temporary DRAMPower 4 {@code .trc} (and DRAMPower 5 CSV)
 *       file → read, validate, track, energy.</li>
 * </ul>
 * Each figure is the median of {@code repeats} timed runs after {@code warmups} untimed ones. Reference speeds
 * (golden/dram/README.md, same machine type, CPU time on a 100,007-command DDR4-2400 trace): DRAMPower 4.1
 * 0.23 s user → about 430k commands/s; DRAMPower 5.1 7.08 s → about 14k commands/s.
 */
public final class DramEnergyBench {
    /** DRAMPower 4.1 reference speed, commands per CPU-second (100,007 commands / 0.23 s, golden README). */
    public static final double DRAMPOWER41_COMMANDS_PER_S = 100_007 / 0.23;
    /** DRAMPower 5.1 reference speed, commands per CPU-second (100,007 commands / 7.08 s, golden README). */
    public static final double DRAMPOWER51_COMMANDS_PER_S = 100_007 / 7.08;

    /**
     * Figures of one benchmark run.
     *
     * @param commands              commands in the generated trace
     * @param inMemoryPerS          commands/s, trace in memory → energy
     * @param endToEndTrcPerS       commands/s, DRAMPower 4 .trc file → energy (DRAMPower 4.1 counting)
     * @param endToEndCsvPerS       commands/s, DRAMPower 5 CSV file → energy (DRAMPower 5.1 counting)
     * @param coreJoules            core energy of the trace (a checksum: same in every path)
     */
    public record Result(int commands, double inMemoryPerS, double endToEndTrcPerS, double endToEndCsvPerS,
                         double coreJoules) {

        public double inMemoryVsDramPower41() {
            return inMemoryPerS / DRAMPOWER41_COMMANDS_PER_S;
        }

        public double endToEndVsDramPower41() {
            return endToEndTrcPerS / DRAMPOWER41_COMMANDS_PER_S;
        }

        public double endToEndCsvVsDramPower51() {
            return endToEndCsvPerS / DRAMPOWER51_COMMANDS_PER_S;
        }
    }

    private DramEnergyBench() {
    }

    public static Result run(DramSpec spec, int commands, long seed, int warmups, int repeats, Path workDir)
            throws IOException {
        CommandTrace trace = SyntheticTraces.random(spec, commands, seed);
        int n = trace.size();
        TraceEnergyModel legacy = new TraceEnergyModel(spec, EnergyCounting.DRAMPOWER_4_1);
        TraceEnergyModel bankwise = new TraceEnergyModel(spec, EnergyCounting.DRAMPOWER_5_1);
        double[] sink = new double[1];
        double inMem = n / medianSeconds(warmups, repeats, () -> sink[0] += legacy.energy(trace).coreJoules());
        Path trc = Files.createTempFile(workDir, "bench", ".trc");
        Path csv = Files.createTempFile(workDir, "bench", ".csv");
        try {
            int bpg = spec.organization().banksPerGroup();
            try (BufferedWriter w = Files.newBufferedWriter(trc, StandardCharsets.UTF_8)) {
                TraceWriter.write(trace, TraceFormat.DRAMPOWER4_TRC, bpg, w);
            }
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                TraceWriter.write(trace, TraceFormat.DRAMPOWER5_CSV, bpg, w);
            }
            double[] core = new double[1];
            double e2eTrc = n / medianSeconds(warmups, repeats, () -> {
                TraceEnergy e = legacy.energy(TraceReader.read(trc, spec.organization()));
                core[0] = e.coreJoules();
            });
            double e2eCsv = n / medianSeconds(warmups, repeats,
                    () -> sink[0] += bankwise.energy(TraceReader.read(csv, spec.organization())).coreJoules());
            if (Double.isNaN(sink[0])) {
                throw new IllegalStateException("unreachable: keeps the JIT from dropping the work");
            }
            return new Result(n, inMem, e2eTrc, e2eCsv, core[0]);
        } finally {
            Files.deleteIfExists(trc);
            Files.deleteIfExists(csv);
        }
    }

    private static double medianSeconds(int warmups, int repeats, Runnable work) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] s = new double[Math.max(1, repeats)];
        for (int i = 0; i < s.length; i++) {
            long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            work.run();
            long t1 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            s[i] = Math.max(1, t1 - t0) * 1e-9;
        }
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
