package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.undervolt.dram.sim.SimBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt dram sim-bench}: requests/s of the timing simulator vs Ramulator 2.0a's reference speed. */
@CommandLine.Command(name = "sim-bench",
        header = "Speed of the DRAM timing simulator, as a ratio to Ramulator 2.0a.",
        mixinStandardHelpOptions = true,
        description = {"Benchmark of 'dram simulate' on a uniform random trace (2 GiB, 20 %% writes): requests/s in memory",
                "and end to end from a LoadStoreTrace file (CPU time, best of --reps), and the ratio to Ramulator 2.0a's",
                "73,800 requests/s measured on this kind of machine (golden/dram/README.md)."},
        footer = {"", "Examples:",
                "  undervolt dram sim-bench",
                "  undervolt dram sim-bench --standard DDR4 --requests 100000 --reps 1"})
public final class DramSimBenchCommand implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "1000000", paramLabel = "N", description = "trace length (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--standard", defaultValue = "DDR3", paramLabel = "DDR3|DDR4|LPDDR3",
            description = "standard, with its default presets (default ${DEFAULT-VALUE}: the reference run's)")
    String standard;

    @Option(names = "--reps", defaultValue = "3", paramLabel = "N", description = "timed repetitions (default ${DEFAULT-VALUE})")
    int reps;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionValues.range("--requests", requests, 1, Integer.MAX_VALUE);
        OptionValues.range("--reps", reps, 1, Integer.MAX_VALUE);
        Map<String, Object> out = SimBenchmark.run(requests, standard, reps);
        PrintWriter w = spec.commandLine().getOut();
        if (jsonOption.json) {
            w.println(new ObjectMapper().writeValueAsString(out));
        } else {
            out.forEach((k, v) -> w.println(k + ": " + (v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v)));
        }
        w.flush();
        return 0;
    }
}
