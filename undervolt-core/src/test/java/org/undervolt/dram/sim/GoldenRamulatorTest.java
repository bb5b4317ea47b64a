package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Ramulator 2.0a case of the golden set (golden/ramulator/results.json, configs and traces copied from
 * the project's shared golden folder): row hits, misses and conflicts within 5 % and memory cycles within 10 %
 * of Ramulator's. The simulator is configured from the case's own YAML (standard, presets, channels, ranks,
 * row policy and its cap, address mapper).
 */
class GoldenRamulatorTest {
    private static final String ROOT = "/golden/ramulator/";

    static Path resource(String rel) {
        try {
            return Path.of(GoldenRamulatorTest.class.getResource(ROOT + rel).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = GoldenRamulatorTest.class.getResourceAsStream(ROOT + "results.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(out::add);
            return out;
        }
    }

    static Stream<Arguments> goldenCases() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    /** Runs the case as its config describes. */
    static SimResult simulate(JsonNode c) throws IOException {
        String configName = Path.of(c.get("config").asText()).getFileName().toString();
        RamulatorConfig y = new RamulatorConfig(resource("configs/" + configName));
        String standard = y.get("MemorySystem.DRAM.impl");
        int channels = Integer.parseInt(y.get("MemorySystem.DRAM.org.channel", "1"));
        int ranks = Integer.parseInt(y.get("MemorySystem.DRAM.org.rank", "1"));
        SimSpec spec = SimPresets.resolve(standard, y.get("MemorySystem.DRAM.org.preset"),
                y.get("MemorySystem.DRAM.timing.preset"), channels, ranks);
        PagePolicy policy = PagePolicy.parse(y.get("MemorySystem.Controller.RowPolicy.impl", "OpenRowPolicy"));
        int cap = Integer.parseInt(y.get("MemorySystem.Controller.RowPolicy.cap", "10000000"));
        SimConfig cfg = SimConfig.of(spec, y.get("MemorySystem.AddrMapper.impl")).withPagePolicy(policy, cap);
        String traceName = Path.of(y.get("Frontend.path")).getFileName().toString();
        RequestTrace trace = LoadStoreTraceReader.read(resource("traces/" + traceName));
        return new DramSimulator(cfg).run(trace, null);
    }

    @Test
    void everyCaseHasItsConfigAndTrace() throws IOException {
        List<JsonNode> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode c : cases) {
            assertThat(resource("configs/" + Path.of(c.get("config").asText()).getFileName())).exists();
            assertThat(resource("traces/" + Path.of(c.get("trace").asText()).getFileName())).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void matchesRamulator(String id, JsonNode c) throws IOException {
        JsonNode k = c.get("key");
        SimResult r = simulate(c);
        System.out.printf("%-32s cycles %7d/%7d hits %6d/%6d misses %5d/%5d conflicts %6d/%6d lat %.1f/%.1f cmds %s%n",
                id, r.cycles(), k.get("memory_system_cycles").asLong(), r.rowHits(), k.get("row_hits").asLong(),
                r.rowMisses(), k.get("row_misses").asLong(), r.rowConflicts(), k.get("row_conflicts").asLong(),
                r.avgReadLatencyCycles(), k.get("avg_read_latency_per_accepted_read").asDouble(), r.commands());
        assertThat(r.reads()).as("reads accepted").isEqualTo(k.get("total_num_read_requests").asLong());
        assertThat(r.writes()).as("writes accepted").isEqualTo(k.get("total_num_write_requests").asLong());
        within(id + " cycles", r.cycles(), k.get("memory_system_cycles").asLong(), 0.10);
        within(id + " row hits", r.rowHits(), k.get("row_hits").asLong(), 0.05);
        within(id + " row misses", r.rowMisses(), k.get("row_misses").asLong(), 0.05);
        within(id + " row conflicts", r.rowConflicts(), k.get("row_conflicts").asLong(), 0.05);
    }

    /** |ours - golden| <= tol × golden. */
    static void within(String what, long ours, long golden, double tol) {
        assertThat((double) Math.abs(ours - golden)).as("%s: ours %d, Ramulator %d", what, ours, golden)
                .isLessThanOrEqualTo(tol * golden);
    }
}
