package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.Mlp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files in {@code examples/} that the README's examples use: they run as printed, and the shipped command trace
 * is exactly what {@code dram simulate} makes of the shipped request trace.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void theShippedCommandTraceIsWhatDramSimulateMakesOfTheShippedRequests(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("commands.csv");
        CliRun r = CliRun.of("dram", "simulate", "--part", "DDR4-2400", "--requests",
                EXAMPLES.resolve("requests.trace").toString(), "--drain", "--commands-out", csv.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("reads").asLong()).isEqualTo(3222);
        assertThat(j.get("writes").asLong()).isEqualTo(17);
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(EXAMPLES.resolve("commands.csv")));
    }

    /**
     * The request trace fits every part of the registry (its regions lie in the first 64 MiB; the smallest part,
     * LPDDR3-1600_4Gb_x32, holds 512 MiB), so {@code dram simulate --part P} runs it for each. The command trace is
     * a timed command stream of DDR4-2400 (its banks and gaps are that part's) and is priced on that part.
     */
    @Test
    void theShippedRequestTraceRunsOnEveryRegistryPart() throws Exception {
        for (String part : DramPresets.names()) {
            CliRun r = CliRun.of("dram", "simulate", "--part", part, "--requests",
                    EXAMPLES.resolve("requests.trace").toString(), "--drain", "--json");
            assertThat(r.exit()).as(part + ": " + r.err()).isZero();
            assertThat(r.json().get("reads").asLong()).as(part).isEqualTo(3222);
            assertThat(r.json().get("writes").asLong()).as(part).isEqualTo(17);
        }
    }

    @Test
    void theShippedCommandTracePricesAsPinned() throws Exception {
        CliRun r = CliRun.of("dram", "energy", "--part", "DDR4-2400", "--trace",
                EXAMPLES.resolve("commands.csv").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("commands").get("RD").asLong()).isEqualTo(3206);
        assertThat(j.get("commands").get("ACT").asLong()).isEqualTo(31);
        // 3,206 reads dominate: rd = 3206 x 5.62e-10 J (DDR4-2400_4Gb_x8 preset currents, DRAMPower 4.1 equations)
        assertThat(j.get("components_j").get("rd").asDouble()).isCloseTo(1.801772e-6, within(1e-12));
        assertThat(j.get("total_j").asDouble()).isCloseTo(3.0603213e-6, within(1e-12));
    }

    @Test
    void theShippedSweepSpecRunsBesideItsCheckpoint(@TempDir Path dir) throws Exception {
        Files.copy(EXAMPLES.resolve("sweep.json"), dir.resolve("sweep.json"));
        Sequential untrained = Mlp.create(new int[] {784, 32, 10}, 1); // any MLP checkpoint: the spec is the subject
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Checkpoint.write(untrained, Map.of(), bytes);
        Files.write(dir.resolve("mlp.uvnn"), bytes.toByteArray());
        CliRun r = CliRun.of("sweep", dir.resolve("sweep.json").toString(), "--store",
                dir.resolve("runs.db").toString(), "--threads", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode points = r.json().get("points");
        assertThat(points).hasSize(6);
        assertThat(points.get(5).get("point").asText()).isEqualTo("network=mlp;error_model=bitline:0.5;ber=0.01");
        points.forEach(p -> assertThat(p.get("trials").asInt()).isEqualTo(3));
    }
}
