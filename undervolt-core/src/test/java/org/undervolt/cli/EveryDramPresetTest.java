package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.Organization;

/**
 * Every preset {@code dram presets} lists (the registry, so a preset added later is covered) runs through the
 * timing simulator's address mapping and {@code map}; the demo's mapping is covered by
 * {@code experiment.DemoMappingEveryPresetTest}. The LPDDR4 preset's 49,152 rows are not a power of two.
 */
class EveryDramPresetTest {

    static List<String> presets() {
        return DramPresets.names();
    }

    /** A small request trace: the first 64 bursts, then the last 64 bursts below the capacity (the last row). */
    private static Path trace(Path dir, Organization o) throws Exception {
        List<String> lines = new ArrayList<>();
        long burst = o.bytesPerBurst();
        for (int i = 0; i < 64; i++) {
            lines.add("LD 0x" + Long.toHexString(i * burst));
        }
        for (int i = 64; i >= 1; i--) {
            lines.add((i % 2 == 0 ? "ST" : "LD") + " 0x" + Long.toHexString(o.capacityBytes() - i * burst));
        }
        Path p = dir.resolve("requests.trace");
        Files.write(p, lines);
        return p;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void dramSimulateServesRequestsUpToTheLastRow(String preset, @TempDir Path dir) throws Exception {
        Organization o = DramPresets.get(preset).asRank().organization(); // the simulator's view: one rank of devices
        for (String mapping : new String[] {"RoBaRaCoCh", "ChRaBaRoCo", "MOP4CLXOR", "DRMap"}) {
            CliRun r = CliRun.of("dram", "simulate", "--part", preset, "--mapping", mapping, "--requests",
                    trace(dir, o).toString(), "--json");
            assertThat(r.exit()).as(preset + " " + mapping + ": " + r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("reads").asLong() + j.get("writes").asLong()).as(preset + " " + mapping).isEqualTo(128);
        }
        Path beyond = dir.resolve("beyond.trace");
        Files.writeString(beyond, "LD 0x" + Long.toHexString(o.capacityBytes()) + "\n");
        CliRun r = CliRun.of("dram", "simulate", "--part", preset, "--requests", beyond.toString());
        assertThat(r.exit()).as(preset).isEqualTo(2);
        assertThat(r.err()).contains("out of range").doesNotContain("Exception");
    }

    @ParameterizedTest
    @MethodSource("presets")
    void mapPricesAnInferenceOnThePart(String preset) throws Exception {
        CliRun r = CliRun.of("map", "--network", "mlp", "--weights-ber", "1e-4", "--part", preset, "--json");
        assertThat(r.exit()).as(preset + ": " + r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("module").get("part").asText()).isEqualTo(DramPresets.get(preset).name());
        assertThat(j.get("nominal").get("total_j").asDouble()).isPositive();
    }
}
