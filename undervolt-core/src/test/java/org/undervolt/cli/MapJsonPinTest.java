package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;

/**
 * {@code map --json} pinned to the byte (keys, order, numbers) for an EDEN and a SparkXD mapping, and the HTML report
 * drawn from the same object, so that how the result is built can change without changing what users read.
 */
class MapJsonPinTest {

    private static Map<String, Object> json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.mapper().readValue(r.out(), LinkedHashMap.class);
        assertThat(Json.write(j) + "\n").isEqualTo(r.out()); // the printed text is the pinned tree's text
        return j;
    }

    @Test
    void edenOnLenet5(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("map.html");
        JsonPins.assertPinned("map-eden-lenet5", json("map", "--network", "lenet5", "--format", "int8", "--weights-ber",
                "1e-4", "--ifm-ber", "1e-6", "--json", "--report", html.toString()));
        String report = Files.readString(html);
        JsonPins.assertPinned("map-eden-lenet5-report", Map.of("html", report));
    }

    @Test
    void sparkxdOnSnn() throws Exception {
        JsonPins.assertPinned("map-sparkxd-snn100", json("map", "--network", "snn", "--neurons", "100", "--format", "fp32",
                "--weights-ber", "1e-4", "--weak-fraction", "0.1", "--json"));
    }

    @Test
    void humanOutput() {
        CliRun r = CliRun.of("map", "--network", "lenet5", "--format", "int8", "--weights-ber", "1e-4", "--ifm-ber", "1e-6");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonPins.assertPinned("map-eden-lenet5-text", Map.of("text", r.out()));
    }
}
