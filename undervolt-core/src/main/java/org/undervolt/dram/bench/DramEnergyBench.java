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
import org.undervolt.dram.energy.EnergyListener;
import org.undervolt.dram.energy.TraceEnergy;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.trace.CommandTrace;
import org.undervolt.dram.trace.SyntheticTraces;
import org.undervolt.dram.trace.TraceFormat;
import org.undervolt.dram.trace.TraceReader;
import org.undervolt.dram.trace.TraceWriter;

/**
 * Speed of the energy listener on a command trace ({@code dram energy}), measured two ways and labelled apart:
 * <ul>
 *   <li><b>end to end</b>: {@code undervolt dram energy --trace F.trc --json} as a whole process (JVM start,
 *       JIT and GC threads, reading, checking, accounting, printing): CPU, wall and peak RSS, median of
 *       {@code repeats} runs ({@link ProcessTimer}); compared with DRAMPower 4.1's whole-process CPU time on
 *       1,000,000 commands recorded in {@code docs/PEERS.md};</li>
 *   <li><b>in process</b> (kernel): this thread's CPU time after {@code warmups} untimed runs, median of
 *       {@code repeats}: a trace already in arrays → energy, and the trace read from a DRAMPower 4 {@code .trc}
 *       and a DRAMPower 5 CSV file → energy. No JVM start, JIT or GC threads: not comparable with a peer's
 *       process time, so no ratio is given for it.</li>
 * </ul>
 */
public final class DramEnergyBench {
    /**
     * Figures of one benchmark run.
     *
     * @param commands        commands in the generated trace
     * @param endToEnd        the whole {@code undervolt dram energy} process on the trace's {@code .trc} file
     * @param inMemoryPerS    in process: commands/s of thread CPU, trace in memory → energy
     * @param inProcessTrcPerS in process: commands/s, DRAMPower 4 .trc file → energy (DRAMPower 4.1 counting)
     * @param inProcessCsvPerS in process: commands/s, DRAMPower 5 CSV file → energy (DRAMPower 5.1 counting)
     * @param coreJoules      core energy of the trace (a checksum: same in every path)
     */
    public record Result(int commands, ProcessTime endToEnd, double inMemoryPerS, double inProcessTrcPerS,
                         double inProcessCsvPerS, double coreJoules) {

        /** DRAMPower 4.1's recorded whole-process CPU time for this many commands over ours (> 1: faster). */
        public double endToEndVsDramPower41() {
            return DramPeers.DRAMPOWER41_CPU_S_PER_MILLION * commands / 1e6 / endToEnd.cpuSeconds();
        }
    }

    private DramEnergyBench() {
    }

    /** {@code memspec}: how {@code dram energy} names the part (a file or preset name that resolves to spec). */
    public static Result run(DramSpec spec, String memspec, int commands, long seed, int warmups, int repeats, Path workDir)
            throws IOException, InterruptedException {
        CommandTrace trace = SyntheticTraces.random(spec, commands, seed);
        int n = trace.size();
        EnergyCounting legacy = EnergyCounting.DRAMPOWER_4_1;
        double[] sink = new double[1];
        double inMem = n / medianSeconds(warmups, repeats,
                () -> sink[0] += EnergyListener.over(spec, legacy, trace).traceEnergy().coreJoules());
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
            ProcessTime process = ProcessTimer.median(ProcessTimer.undervolt("dram", "energy", "--part", memspec,
                    "--counting", "drampower4", "--trace", trc.toString(), "--json"), repeats);
            double[] core = new double[1];
            double trcPerS = n / medianSeconds(warmups, repeats, () -> {
                TraceEnergy e = EnergyListener.over(spec, legacy, TraceReader.read(trc, spec.organization())).traceEnergy();
                core[0] = e.coreJoules();
            });
            double csvPerS = n / medianSeconds(warmups, repeats,
                    () -> sink[0] += EnergyListener.over(spec, EnergyCounting.DRAMPOWER_5_1,
                            TraceReader.read(csv, spec.organization())).traceEnergy().coreJoules());
            if (Double.isNaN(sink[0])) {
                throw new IllegalStateException("unreachable: keeps the JIT from dropping the work");
            }
            return new Result(n, process, inMem, trcPerS, csvPerS, core[0]);
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
