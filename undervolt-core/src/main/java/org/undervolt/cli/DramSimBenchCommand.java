package org.undervolt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.undervolt.dram.bench.DramPeers;
import org.undervolt.dram.bench.ProcessTime;
import org.undervolt.dram.bench.ProcessTimer;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimBenchmark;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.io.Json;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt dram sim-bench}: the timing simulator end to end (a whole {@code dram simulate} process)
 * against Ramulator 2.0a's recorded figure, and in process ({@link SimBenchmark}) without a ratio.
 */
@CommandLine.Command(name = "sim-bench",
        header = "Speed of the DRAM timing simulator: end to end against Ramulator 2.0a, and in process.",
        mixinStandardHelpOptions = true, defaultValueProvider = DramSimBenchCommand.Defaults.class,
        description = {"End to end: a whole 'undervolt dram simulate' process (JVM start and all threads; CPU, wall,",
                "peak RSS, median of --repeats) on uniform random LD/ST requests (8 GiB, 50 %% stores, DDR4_8Gb_x8,",
                "DDR4_2400R, RoBaRaCoCh), with the ratio to Ramulator 2.0a's whole-process CPU time on that kind of",
                "input recorded in docs/PEERS.md. In process: thread CPU time after warm-up on --part (default DDR3_4Gb_x8+DDR3_1600K) (2 GiB, 20 %%",
                "writes), in memory and from a file (kernel speed, no ratio). Side by side with the peers installed:",
                "scripts/peers/compare_dram.sh."},
        footer = {"", "Examples:",
                "  undervolt dram sim-bench",
                "  undervolt dram sim-bench --part DDR4-2400 --request-count 100000 --repeats 1",
                "  undervolt dram sim-bench --part DDR4_8Gb_x8+DDR4_2400R --request-count 100000 --repeats 1"})
public final class DramSimBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--request-count", defaultValue = "1000000", paramLabel = "N",
            description = "trace length (default ${DEFAULT-VALUE})")
    int requests;

    private Integer requestsAlias;

    /** The old name of {@code --request-count}, kept hidden: {@code --requests} is a FILE in {@code dram simulate}. */
    @Option(names = "--requests", hidden = true, paramLabel = "N")
    void oldRequests(int n) {
        requestsAlias = n; // applied in call(): picocli sets --request-count's default after this
        OldSpelling.note(spec, "--requests", "--request-count");
    }

    @Mixin PartFileOption partOption = new PartFileOption();

    /** Ramulator's spelling of the in-process part (hidden), as in {@code dram simulate}: the standard's default pair. */
    @Option(names = "--standard", hidden = true, paramLabel = "DDR3|DDR4|LPDDR3")
    String standard;

    private static final String DEFAULT_STANDARD = "DDR3";

    @Mixin RepeatsOption repeats = new RepeatsOption();

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        requests = requestsAlias != null ? requestsAlias : requests;
        OptionValues.range("--request-count", requests, 1, Integer.MAX_VALUE);
        int reps = repeats.value();
        SimSpec inProcess = SimSpec.of(SimPart.resolve(partOption.name(), partOption.name() == null && standard == null ? DEFAULT_STANDARD : standard,
                null, null, 1, 1)); // checked before the end-to-end runs
        Path file = Files.createTempFile("undervolt-sim-bench", ".trace");
        ProcessTime p;
        try {
            RequestTrace.uniformRandom(requests, 8L << 30, 0.5, 42).writeLoadStore(file);
            p = ProcessTimer.median(ProcessTimer.undervolt("dram", "simulate", "--standard", "DDR4",
                    "--org", "DDR4_8Gb_x8", "--timing", "DDR4_2400R", "--mapping", "RoBaRaCoCh", "--requests",
                    file.toString(), "--json"), reps);
        } finally {
            Files.deleteIfExists(file);
        }
        Measured out = new Measured("whole 'undervolt dram simulate' process, DDR4, 8 GiB, 50 % stores, JVM start and all threads",
                p.cpuSeconds(), p.wallSeconds(), p.peakRssMb(), p.how(), DramPeers.RAMULATOR2_CPU_S_PER_MILLION,
                "recorded: whole process, same kind of input, 2-core Debian 12, December 2026 (docs/PEERS.md)",
                DramPeers.RAMULATOR2_CPU_S_PER_MILLION * requests / 1e6 / p.cpuSeconds(),
                SimBenchmark.run(requests, inProcess, reps));
        jsonOption.printLine(out, w -> Json.fields(out).forEach((k, v) -> w.println(k + ": " + HumanNumbers.text(v))));
        return 0;
    }

    /**
     * What the command prints: its components are the keys in order (snake_case), the in-process figures after the
     * end-to-end ones.
     *
     * @param endToEnd                        what the end-to-end figures time
     * @param endToEndCpuS                    median CPU seconds of the whole process
     * @param endToEndVsRamulator2            Ramulator 2.0a's recorded CPU time for as many requests over ours
     * @param inProcess                       {@link SimBenchmark}'s figures, spliced in
     */
    record Measured(String endToEnd, double endToEndCpuS, double endToEndWallS, double endToEndPeakRssMb,
            String endToEndMeasuredWith, double ramulator2CpuSPerMillionRequests, String ramulator2Figure,
            double endToEndVsRamulator2, @Json.Inline SimBenchmark.Figures inProcess) {
    }

    /** Three timed runs: each is a whole process of a million requests. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super("--repeats", "3");
        }
    }
}
