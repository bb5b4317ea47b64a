package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.sim.DramPowerCommandWriter;
import org.undervolt.dram.sim.DramSimulator;
import org.undervolt.dram.sim.LoadStoreTraceReader;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.RequestTrace;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimPresets;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimSpec;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt dram simulate --standard NAME --requests FILE [--json]}: cycle-level timing simulation. */
@CommandLine.Command(name = "simulate",
        header = "Cycle-level timing simulation of a Ramulator request trace.",
        mixinStandardHelpOptions = true,
        description = {"Cycle-level DRAM timing simulation of a request trace (Ramulator LoadStoreTrace: 'LD 0x...' / 'ST 0x...'):",
                "address mapping, FR-FCFS controller with read/write queues, open or closed rows, all-bank refresh,",
                "DDR3/DDR4/LPDDR3 timing constraints. Prints cycles, row hits/misses/conflicts, read latency, command counts."},
        footer = {"", "Examples:",
                "  undervolt dram simulate --standard DDR4 --requests requests.trace",
                "  undervolt dram simulate --standard DDR3 --requests requests.trace --page-policy closed --commands-out commands.csv --json"})
public final class DramSimulateCommand implements Callable<Integer> {

    @Option(names = "--standard", required = true, paramLabel = "DDR3|DDR4|LPDDR3", description = "DRAM standard")
    String standard;

    @Option(names = "--requests", required = true, paramLabel = "FILE", description = "request trace (LoadStoreTrace format)")
    Path requests;

    @Option(names = "--org", paramLabel = "PRESET", description = "organisation preset, Ramulator's names (default DDR4_8Gb_x8 / DDR3_4Gb_x8)")
    String org;

    @Option(names = "--timing", paramLabel = "PRESET", description = "speed-bin preset, Ramulator's names (default DDR4_2400R / DDR3_1600K)")
    String timing;

    @Option(names = "--channels", defaultValue = "1", paramLabel = "N", description = "channels (default ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--ranks", defaultValue = "1", paramLabel = "N", description = "ranks per channel (default ${DEFAULT-VALUE})")
    int ranks;

    @Option(names = "--mapping", defaultValue = "RoBaRaCoCh", paramLabel = "NAME",
            description = "address mapping: RoBaRaCoCh, ChRaBaRoCo, MOP4CLXOR, DRMap, or a field order like RoBgBaRaCoCh (default ${DEFAULT-VALUE})")
    String mapping;

    @Option(names = "--page-policy", defaultValue = "open", paramLabel = "open|closed|closed-auto",
            description = "row-buffer policy: closed = Ramulator's close-row PRE, closed-auto = RDA/WRA (default ${DEFAULT-VALUE})")
    String pagePolicy;

    @Option(names = "--closed-cap", defaultValue = "1", paramLabel = "N",
            description = "closed policy: precharge a bank after N column accesses (default ${DEFAULT-VALUE})")
    int closedCap;

    @Option(names = "--drain", description = "keep simulating until every request is served (default: stop when the last request is accepted, as Ramulator)")
    boolean drain;

    @Option(names = "--commands-out", paramLabel = "FILE", description = "write the issued commands as a DRAMPower 5 CSV trace (one channel)")
    Path commandsOut;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionValues.range("--channels", channels, 1, Integer.MAX_VALUE);
        OptionValues.range("--ranks", ranks, 1, Integer.MAX_VALUE);
        SimSpec s = SimPresets.resolve(standard, org, timing, channels, ranks);
        SimConfig cfg = new SimConfig(s, mapping, PagePolicy.parse(pagePolicy), closedCap, 32, drain);
        DramSimulator sim = new DramSimulator(cfg);
        if (commandsOut != null && channels != 1) {
            throw new InvalidInputException("--commands-out: a DRAMPower trace describes one channel, expected --channels 1");
        }
        if (commandsOut != null && commandsOut.toAbsolutePath().getParent() != null
                && !Files.isDirectory(commandsOut.toAbsolutePath().getParent())) {
            throw new InvalidInputException("--commands-out " + commandsOut + ": no such directory");
        }
        RequestTrace trace = LoadStoreTraceReader.read(requests);
        SimResult r;
        if (commandsOut != null) {
            try (DramPowerCommandWriter w = new DramPowerCommandWriter(commandsOut)) {
                r = sim.run(trace, w);
                w.finish(r.drainCycles());
            }
        } else {
            r = sim.run(trace, null);
        }
        Map<String, Object> out = report(cfg, sim, trace, r);
        if (commandsOut != null) {
            out.put("commands_out", commandsOut.toString());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (jsonOption.json) {
            w.println(new ObjectMapper().writeValueAsString(out));
        } else {
            w.printf(Locale.ROOT, "%s: %d requests on %s %s + %s, %d channel(s) x %d rank(s), %s mapping, %s page%n",
                    requests, trace.size(), s.standard(), s.orgName(), s.timingName(), channels, ranks,
                    sim.mapping().name(), cfg.pagePolicy().name().toLowerCase(Locale.ROOT));
            w.printf(Locale.ROOT, "  cycles %d (%.1f us), reads %d, writes %d%n", r.cycles(), r.cycles() * r.tckNs() / 1000,
                    r.reads(), r.writes());
            w.printf(Locale.ROOT, "  row hits %d, misses %d, conflicts %d%n", r.rowHits(), r.rowMisses(), r.rowConflicts());
            w.printf(Locale.ROOT, "  average read latency %.2f cycles (%.2f ns)%n", r.avgReadLatencyCycles(),
                    r.avgReadLatencyCycles() * r.tckNs());
            w.printf(Locale.ROOT, "  commands %s%n", out.get("commands"));
        }
        w.flush();
        return 0;
    }

    static Map<String, Object> report(SimConfig cfg, DramSimulator sim, RequestTrace trace, SimResult r) {
        SimSpec s = cfg.spec();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests_file", trace.source());
        out.put("standard", s.standard());
        out.put("organization", s.orgName());
        out.put("timing", s.timingName());
        out.put("channels", s.organization().channels());
        out.put("ranks", s.organization().ranks());
        out.put("mapping", sim.mapping().name());
        out.put("page_policy", cfg.pagePolicy().name().toLowerCase(Locale.ROOT));
        if (cfg.pagePolicy() == PagePolicy.CLOSED) {
            out.put("closed_cap", cfg.closedCap());
        }
        out.put("tck_ns", s.timings().tckNs());
        out.put("requests", trace.size());
        out.put("cycles", r.cycles());
        out.put("drained", cfg.drain());
        out.put("drain_cycles", r.drainCycles());
        out.put("reads", r.reads());
        out.put("writes", r.writes());
        out.put("row_hits", r.rowHits());
        out.put("row_misses", r.rowMisses());
        out.put("row_conflicts", r.rowConflicts());
        out.put("read_row_hits", r.readHits());
        out.put("read_row_misses", r.readMisses());
        out.put("read_row_conflicts", r.readConflicts());
        out.put("write_row_hits", r.writeHits());
        out.put("write_row_misses", r.writeMisses());
        out.put("write_row_conflicts", r.writeConflicts());
        out.put("avg_read_latency_cycles", r.avgReadLatencyCycles());
        out.put("avg_read_latency_ns", r.avgReadLatencyCycles() * r.tckNs());
        out.put("reads_completed", r.readsCompleted());
        out.put("reads_forwarded", r.readsForwarded());
        Map<String, Long> cmds = new LinkedHashMap<>();
        for (SimCommand c : SimCommand.values()) {
            cmds.put(c.drampower().name(), r.count(c));
        }
        out.put("commands", cmds);
        out.put("note", cfg.drain() ? "drained: every accepted request served; latency averaged over all accepted reads"
                : "stopped when the last request was accepted (Ramulator 2.0a's memory_system_cycles); reads still "
                + "in flight then add no latency, as in Ramulator's per-accepted-read average");
        return out;
    }
}
