package org.undervolt.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.SettingNames;
import org.undervolt.usecase.SimulateRequest;
import org.undervolt.usecase.SimulateResult;
import org.undervolt.usecase.SimulateUseCase;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt dram simulate --part NAME|FILE --requests FILE [--json]}: cycle-level timing simulation of a part from
 * the one preset registry (the names {@code dram energy}, {@code demo} and {@code map} accept), of a pair of Ramulator's
 * organisation / speed-bin presets ({@code DDR4_8Gb_x8+DDR4_2400R}), or of a memspec file. The JSON's {@code part} is a
 * name {@code --part} reads back. Ramulator's spelling of a preset pair, {@code --standard S [--org O] [--timing T]}, is
 * read too (hidden), for command lines that mirror Ramulator's. Fills its options (with or without picocli), calls
 * {@link SimulateUseCase}, prints.
 */
@CommandLine.Command(name = "simulate",
        header = "Cycle-level timing simulation of a Ramulator request trace.",
        mixinStandardHelpOptions = true,
        description = {"Cycle-level DRAM timing simulation of a request trace (Ramulator LoadStoreTrace: 'LD 0x...' / 'ST 0x...'):",
                "address mapping, controller with read/write queues (FR-FCFS or FCFS), open or closed rows, all-bank refresh,",
                "DDR3/DDR4/LPDDR3/LPDDR4 timing constraints; DDR3/DDR4 devices of --part are assembled into a 64-bit rank.",
                "--part: a part of 'undervolt dram presets' (e.g. DDR4-2400), a memspec file, or",
                "a pair of Ramulator 2.0a's organisation and speed-bin presets, ORG+BIN (e.g.",
                "DDR4_8Gb_x8+DDR4_2400R, timing only); the JSON's part is a name --part takes",
                "back. Ramulator's spelling of a pair, --standard DDR4 --org DDR4_8Gb_x8",
                "--timing DDR4_2400R, is read too.",
                "Prints cycles, row hits/misses/conflicts, read latency, command counts."},
        footer = {"", "Examples:",
                "  undervolt dram simulate --part DDR4-2400 --requests examples/requests.trace",
                "  undervolt dram simulate --part DDR3_4Gb_x8+DDR3_1600K --requests examples/requests.trace --row-policy closed --commands-out commands.csv --json"})
public final class DramSimulateCommand extends DirectCommand {

    @Mixin PartFileOption partOption = new PartFileOption();

    /** Ramulator's spelling of a preset pair (hidden): --standard S [--org O] [--timing T] is --part O+T. */
    @Option(names = "--standard", hidden = true, paramLabel = "DDR3|DDR4|LPDDR3")
    String standard;

    @Option(names = "--requests", required = true, paramLabel = "FILE", description = "request trace (LoadStoreTrace format)")
    Path requests;

    /** With --standard: the organisation preset (default the standard's, e.g. DDR4_8Gb_x8). */
    @Option(names = "--org", hidden = true, paramLabel = "PRESET")
    String org;

    /** With --standard: the speed-bin preset (default the standard's, e.g. DDR4_2400R). */
    @Option(names = "--timing", hidden = true, paramLabel = "PRESET")
    String timing;

    @Option(names = "--channels", paramLabel = "N", description = "channels (default ${DEFAULT-VALUE})")
    int channels = 1;

    @Option(names = "--ranks", paramLabel = "N", description = "ranks per channel (default ${DEFAULT-VALUE})")
    int ranks = 1;

    @Option(names = "--mapping", paramLabel = "NAME",
            description = "address mapping: RoBaRaCoCh, ChRaBaRoCo, MOP4CLXOR, DRMap, or a field order like RoBgBaRaCoCh (default ${DEFAULT-VALUE})")
    String mapping = "RoBaRaCoCh";

    @Option(names = {"--row-policy", "--page-policy"}, paramLabel = "open|closed|closed-auto",
            description = "row-buffer policy: closed = Ramulator's close-row PRE, closed-auto = RDA/WRA (default ${DEFAULT-VALUE})")
    String pagePolicy = "open";

    @Option(names = "--scheduler", paramLabel = "frfcfs|fcfs",
            description = "which queued request is served next: FR-FCFS (oldest ready, row hits first in effect) or"
                    + " first-come first-served (default ${DEFAULT-VALUE})")
    String scheduler = SimConfig.DEFAULT_SCHEDULER;

    @Option(names = "--refresh", paramLabel = "all-bank|none",
            description = "refresh policy: an all-bank REF every tREFI, or none (default ${DEFAULT-VALUE})")
    String refresh = SimConfig.DEFAULT_REFRESH;

    @Option(names = "--closed-cap", paramLabel = "N",
            description = "closed policy: precharge a bank after N column accesses (default ${DEFAULT-VALUE})")
    int closedCap = 1;

    @Option(names = "--drain", description = "keep simulating until every request is served (default: stop when the last request is accepted, as Ramulator)")
    boolean drain;

    @Option(names = "--commands-out", paramLabel = "FILE", description = "write the issued commands as a DRAMPower 5 CSV trace (one channel)")
    Path commandsOut;

    public DramSimulateCommand() {
        super(Set.of("--drain"), Map.of("--page-policy", "--row-policy"));
    }

    @Override
    boolean setOption(String name, String value) {
        switch (name) {
            case "--part" -> partOption.memspec = value;
            case "--standard" -> standard = value;
            case "--requests" -> {
                requests = DirectRun.path(value);
                return requests != null;
            }
            case "--org" -> org = value;
            case "--timing" -> timing = value;
            case "--channels", "--ranks", "--closed-cap" -> {
                Integer n = DirectRun.integer(value);
                if (n == null) {
                    return false;
                }
                switch (name) {
                    case "--channels" -> channels = n;
                    case "--ranks" -> ranks = n;
                    default -> closedCap = n;
                }
            }
            case "--mapping" -> mapping = value;
            case "--row-policy", "--page-policy" -> pagePolicy = value;
            case "--scheduler" -> scheduler = value;
            case "--refresh" -> refresh = value;
            case "--drain" -> drain = true;
            case "--commands-out" -> {
                commandsOut = DirectRun.path(value);
                return commandsOut != null;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean complete() {
        return requests != null;
    }

    /** The request's keys as this command's options. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of());

    @Override
    public Integer call() throws Exception {
        OptionValues.range("--channels", channels, 1, Integer.MAX_VALUE);
        OptionValues.range("--ranks", ranks, 1, Integer.MAX_VALUE);
        SimSpec s = SimSpec.of(part());
        SimConfig cfg = new SimConfig(s, mapping, OptionValues.parse("--row-policy", pagePolicy, PagePolicy::parse), closedCap,
                32, drain, null, scheduler, refresh);
        SimulateResult result;
        try {
            result = SimulateUseCase.run(new SimulateRequest(cfg, requests, commandsOut));
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        SimResult r = result.run();
        jsonOption.printLine(result.json(), w -> {
            w.printf(Locale.ROOT, "%s: %d requests on %s %s, %d channel(s) x %d rank(s), %s mapping, %s page%n",
                    requests, r.reads() + r.writes(), s.standard(), s.part().name(), channels, ranks,
                    result.mapping(), cfg.pagePolicy().name().toLowerCase(Locale.ROOT));
            w.printf(Locale.ROOT, "  cycles %d (%.1f us), reads %d, writes %d%n", r.cycles(), r.cycles() * r.tckNs() / 1000,
                    r.reads(), r.writes());
            w.printf(Locale.ROOT, "  row hits %d, misses %d, conflicts %d%n", r.rowHits(), r.rowMisses(), r.rowConflicts());
            w.printf(Locale.ROOT, "  average read latency %.2f cycles (%.2f ns)%n", r.avgReadLatencyCycles(),
                    r.avgReadLatencyCycles() * r.tckNs());
            StringBuilder commands = new StringBuilder();
            result.commands().forEach((name, n) -> commands.append(commands.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(n));
            w.printf(Locale.ROOT, "  commands %s%n", commands);
        });
        return 0;
    }

    /** The part named by --part, or by --standard (Ramulator's spelling of a preset pair, or a part name). */
    private DramSpec part() {
        return SimPart.resolve(partOption.name(), standard, org, timing, channels, ranks);
    }
}
