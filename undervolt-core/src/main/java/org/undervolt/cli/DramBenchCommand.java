package org.undervolt.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.undervolt.dram.bench.DramEnergyBench;
import org.undervolt.dram.bench.DramPeers;
import org.undervolt.dram.bench.ProcessTime;
import org.undervolt.dram.spec.DramSpec;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt dram bench}: the trace energy model's speed end to end (a whole {@code dram energy} process)
 * against DRAMPower 4.1's recorded figure, and in process (kernel) without a ratio ({@link DramEnergyBench}).
 */
@CommandLine.Command(name = "bench", defaultValueProvider = DramBenchCommand.Defaults.class,
        header = "Speed of the DRAM energy model: end to end against DRAMPower 4.1, and in process.",
        mixinStandardHelpOptions = true,
        description = {"Speed of the DRAM energy model on a generated trace. End to end: a whole 'undervolt dram energy'",
                "process on the trace's .trc file (JVM start and all threads; CPU, wall, peak RSS), with the ratio to",
                "DRAMPower 4.1's whole-process CPU time recorded in docs/PEERS.md. In process: thread CPU time after",
                "warm-up, trace in memory or read from a file (kernel speed, no ratio: a peer's figure is a whole process).",
                "Side by side with the peers installed: scripts/peers/compare_dram.sh. --part defaults to DDR4-2400, the reference runs' part."},
        footer = {"", "Examples:",
                "  undervolt dram bench",
                "  undervolt dram bench --part LPDDR3-1600_4Gb_x32 --commands 100000 --json"})
public final class DramBenchCommand implements Callable<Integer> {

    @Mixin PartFileOption part = new PartFileOption();

    @Option(names = "--commands", defaultValue = "1000000", description = "trace length (default: ${DEFAULT-VALUE})")
    int commands;

    @Mixin SeedOption seedOption = new SeedOption();

    @Mixin RepeatsOption repeatsOption = new RepeatsOption();

    @Option(names = "--warmups", defaultValue = "3", description = "untimed runs first (default: ${DEFAULT-VALUE})")
    int warmups;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        OptionValues.range("--commands", commands, 1, Integer.MAX_VALUE);
        int repeats = repeatsOption.value();
        OptionValues.range("--warmups", warmups, 0, Integer.MAX_VALUE);
        DramSpec s = part.load().spec();
        DramEnergyBench.Result r = DramEnergyBench.run(s, part.name(), commands, seedOption.seed, warmups, repeats,
                Path.of(System.getProperty("java.io.tmpdir")));
        ProcessTime p = r.endToEnd();
        Measured m = new Measured(s.name(), r.commands(), seedOption.seed, repeats, p.cpuSeconds(), p.wallSeconds(),
                p.peakRssMb(), r.commands() / p.cpuSeconds(), p.how(), DramPeers.DRAMPOWER41_CPU_S_PER_MILLION,
                "recorded: scripts/peers/compare_dram.sh, 2-core Debian 12, December 2026 (docs/PEERS.md)",
                r.endToEndVsDramPower41(), r.inMemoryPerS(), r.inProcessTrcPerS(), r.inProcessCsvPerS(),
                "median thread CPU time after warm-up; no JVM start, JIT or GC threads", r.coreJoules());
        jsonOption.printLine(m, w -> {
            w.printf(Locale.ROOT, "%s, %,d commands (seed %d), medians of %d runs%n", s.name(), r.commands(), seedOption.seed, repeats);
            w.printf(Locale.ROOT, "  end to end (whole 'undervolt dram energy' process on the .trc, JVM start and all threads):%n");
            w.printf(Locale.ROOT, "    CPU %.2f s, wall %.2f s, peak RSS %.0f MB: %.2fx DRAMPower 4.1's CPU time%n",
                    p.cpuSeconds(), p.wallSeconds(), p.peakRssMb(), r.endToEndVsDramPower41());
            w.printf(Locale.ROOT, "    (DRAMPower 4.1: %.2f s CPU per million commands, recorded in docs/PEERS.md)%n",
                    DramPeers.DRAMPOWER41_CPU_S_PER_MILLION);
            w.printf(Locale.ROOT, "  in process (kernel; thread CPU after warm-up, no JVM start; no peer ratio):%n");
            w.printf(Locale.ROOT, "    trace in memory     %,14.0f commands/s%n", r.inMemoryPerS());
            w.printf(Locale.ROOT, "    from .trc file      %,14.0f commands/s%n", r.inProcessTrcPerS());
            w.printf(Locale.ROOT, "    from CSV file       %,14.0f commands/s%n", r.inProcessCsvPerS());
        });
        return 0;
    }

    /**
     * What {@code --json} prints: its components are the keys in order (snake_case).
     *
     * @param part                             the part priced
     * @param endToEndCommandsPerCpuS          commands per CPU second of the whole process
     * @param drampower41CpuSPerMillionCommands DRAMPower 4.1's recorded CPU seconds per million commands
     * @param endToEndVsDrampower41            its CPU time for as many commands over ours (> 1: faster)
     * @param coreJ                            the trace's core energy, joules (the same in every run)
     */
    record Measured(String part, int commands, long seed, int repeats, double endToEndCpuS, double endToEndWallS,
            double endToEndPeakRssMb, double endToEndCommandsPerCpuS, String endToEndMeasuredWith,
            double drampower41CpuSPerMillionCommands, String drampower41Figure, double endToEndVsDrampower41,
            double inProcessInMemoryCommandsPerS, double inProcessTrcCommandsPerS, double inProcessCsvCommandsPerS,
            String inProcessTiming, double coreJ) {
    }

    /** The reference runs' part. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--part", "DDR4-2400", "--repeats", "3");
        }
    }
}
