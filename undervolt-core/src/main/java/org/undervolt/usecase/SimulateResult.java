package org.undervolt.usecase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.sim.SimCommand;
import org.undervolt.dram.sim.SimConfig;
import org.undervolt.dram.sim.SimResult;
import org.undervolt.dram.sim.SimSpec;
import org.undervolt.io.Json;

/**
 * What a timing simulation of a request trace measured.
 *
 * @param config      the simulated configuration
 * @param mapping     the address mapping's name
 * @param requests    the request trace file
 * @param run         cycles, row hits / misses / conflicts, latency and commands of the run
 * @param commandsOut the DRAMPower trace written, or null
 */
public record SimulateResult(SimConfig config, String mapping, String requests, SimResult run, Path commandsOut) {

    /** The command counts, by DRAMPower's names, in {@link SimCommand}'s order. */
    public Map<String, Long> commands() {
        Map<String, Long> cmds = new LinkedHashMap<>();
        for (SimCommand c : SimCommand.values()) {
            cmds.put(c.drampower().name(), run.count(c));
        }
        return cmds;
    }

    /** The JSON object of {@code dram simulate --json}: the setup, the counts, the commands, a note on the latency. */
    public Map<String, Object> json() {
        SimSpec s = config.spec();
        SimResult r = run;
        Map<String, Object> out = Json.fields(new Setup(requests, s.part().name(), s.standard(), s.protocol().name(),
                s.organization().channels(), s.organization().ranks(), mapping,
                config.pagePolicy().name().toLowerCase(Locale.ROOT), config.scheduler(), config.refresh()));
        if (config.pagePolicy() == PagePolicy.CLOSED) {
            out.put("closed_cap", config.closedCap());
        }
        out.putAll(Json.fields(new Counts(s.timings().tckNs(), r.reads() + r.writes(), r.cycles(), config.drain(),
                r.drainCycles(), r.reads(), r.writes(), r.rowHits(), r.rowMisses(), r.rowConflicts(), r.readHits(),
                r.readMisses(), r.readConflicts(), r.writeHits(), r.writeMisses(), r.writeConflicts(),
                r.avgReadLatencyCycles(), r.avgReadLatencyCycles() * r.tckNs(), r.readsCompleted(), r.readsForwarded())));
        out.put("commands", commands());
        out.put("note", config.drain() ? "drained: every accepted request served; latency averaged over all accepted reads"
                : "stopped when the last request was accepted (Ramulator 2.0a's memory_system_cycles); reads still "
                + "in flight then add no latency, as in Ramulator's per-accepted-read average");
        if (commandsOut != null) {
            out.put("commands_out", commandsOut.toString());
        }
        return out;
    }

    /** What was simulated, the report's first keys (snake_case of the components, in order). */
    private record Setup(String requestsFile, String part, String standard, String protocol, int channels, int ranks,
            String mapping, String rowPolicy, String scheduler, String refresh) {
    }

    /** What the run counted, the keys after the setup (and {@code closed_cap} of a closed-row policy). */
    private record Counts(double tckNs, long requests, long cycles, boolean drained, long drainCycles, long reads,
            long writes, long rowHits, long rowMisses, long rowConflicts, long readRowHits, long readRowMisses,
            long readRowConflicts, long writeRowHits, long writeRowMisses, long writeRowConflicts,
            double avgReadLatencyCycles, double avgReadLatencyNs, long readsCompleted, long readsForwarded) {
    }
}
