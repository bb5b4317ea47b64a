package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.undervolt.dram.bench.DramEnergyBench;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt dram bench}: commands/s of the trace energy model, as ratios to DRAMPower 4.1 and 5.1. */
@CommandLine.Command(name = "bench",
        header = "Speed of the DRAM energy model, as ratios to DRAMPower.",
        mixinStandardHelpOptions = true,
        description = {"Speed of the DRAM energy model on a generated trace: in memory and end to end from a file,",
                "in commands per CPU-second, with ratios to DRAMPower 4.1 (~430k/s) and 5.1 (~14k/s) from the golden README."},
        footer = {"", "Examples:",
                "  undervolt dram bench",
                "  undervolt dram bench --part LPDDR3-1600_4Gb_x32 --commands 100000 --json"})
public final class DramBenchCommand implements Callable<Integer> {

    @Option(names = "--part", defaultValue = "DDR4-2400", paramLabel = "FILE|PRESET",
            description = "part (default: ${DEFAULT-VALUE}, the reference runs' part)")
    String memspec;

    /** The old name of {@code --part}, kept hidden so that earlier command lines still run. */
    @Option(names = "--memspec", hidden = true, paramLabel = "FILE|PRESET")
    void memspecAlias(String value) {
        memspec = value;
    }

    @Option(names = "--commands", defaultValue = "1000000", description = "trace length (default: ${DEFAULT-VALUE})")
    int commands;

    @Mixin
    SeedOption seedOption = new SeedOption();

    @Option(names = "--repeats", defaultValue = "5", description = "timed runs per figure; median reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmups", defaultValue = "3", description = "untimed runs first (default: ${DEFAULT-VALUE})")
    int warmups;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionValues.range("--commands", commands, 1, Integer.MAX_VALUE);
        OptionValues.range("--repeats", repeats, 1, Integer.MAX_VALUE);
        OptionValues.range("--warmups", warmups, 0, Integer.MAX_VALUE);
        DramSpec s = MemspecLoader.resolve(memspec).spec();
        DramEnergyBench.Result r = DramEnergyBench.run(s, commands, seedOption.seed, warmups, repeats,
                Path.of(System.getProperty("java.io.tmpdir")));
        PrintWriter w = spec.commandLine().getOut();
        if (jsonOption.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("part", s.name());
            m.put("commands", r.commands());
            m.put("seed", seedOption.seed);
            m.put("repeats", repeats);
            m.put("in_memory_commands_per_s", r.inMemoryPerS());
            m.put("end_to_end_trc_commands_per_s", r.endToEndTrcPerS());
            m.put("end_to_end_csv_commands_per_s", r.endToEndCsvPerS());
            m.put("reference_drampower41_commands_per_s", DramEnergyBench.DRAMPOWER41_COMMANDS_PER_S);
            m.put("reference_drampower51_commands_per_s", DramEnergyBench.DRAMPOWER51_COMMANDS_PER_S);
            m.put("in_memory_vs_drampower41", r.inMemoryVsDramPower41());
            m.put("end_to_end_vs_drampower41", r.endToEndVsDramPower41());
            m.put("end_to_end_csv_vs_drampower51", r.endToEndCsvVsDramPower51());
            m.put("core_j", r.coreJoules());
            m.put("timing", "median thread CPU time");
            w.println(new ObjectMapper().writeValueAsString(m));
        } else {
            w.printf(Locale.ROOT, "%s, %,d commands (seed %d), median of %d runs, thread CPU time%n", s.name(), r.commands(),
                    seedOption.seed, repeats);
            w.printf(Locale.ROOT, "  in memory           %,14.0f commands/s  (%.1fx DRAMPower 4.1)%n", r.inMemoryPerS(),
                    r.inMemoryVsDramPower41());
            w.printf(Locale.ROOT, "  end to end (.trc)   %,14.0f commands/s  (%.1fx DRAMPower 4.1)%n", r.endToEndTrcPerS(),
                    r.endToEndVsDramPower41());
            w.printf(Locale.ROOT, "  end to end (CSV)    %,14.0f commands/s  (%.0fx DRAMPower 5.1)%n", r.endToEndCsvPerS(),
                    r.endToEndCsvVsDramPower51());
        }
        w.flush();
        return 0;
    }
}
