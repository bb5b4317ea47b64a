package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --json} keys are snake_case everywhere (no {@code testImages} beside {@code test_images}), and a key that
 * names an option is the option's name ({@code part} for {@code --part}, {@code energy_law} for {@code --energy-law}).
 */
class JsonKeysTest {

    /** The keys of {@code node}, at any depth, that are camelCase (a lower-case letter followed by an upper-case one). */
    static List<String> camelCaseKeys(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(f -> {
                if (f.getKey().matches(".*[a-z][A-Z].*")) {
                    out.add(path + "/" + f.getKey());
                }
                collect(f.getValue(), path + "/" + f.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(camelCaseKeys(j)).as(String.join(" ", args)).isEmpty();
        return j;
    }

    @Test
    void snnTrainAndEvalKeysAreSnakeCase(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("n2.snn");
        JsonNode train = json("snn", "train", "--neurons", "2", "--train-images", "3", "--label-images", "3",
                "--test-images", "3", "--threads", "1", "--out", model.toString(), "--json");
        assertThat(train.get("test_images").asInt()).isEqualTo(3);
        assertThat(train.get("resumed_from").asLong()).isZero();
        assertThat(train.has("train_cpu_ms_per_image")).isTrue();
        JsonNode eval = json("snn", "eval", "--model", model.toString(), "--format", "int8",
                "--ber", "1e-3", "--trials", "2", "--test-images", "5", "--threads", "1", "--json");
        assertThat(eval.get("cpu_ms_per_image").isNumber()).isTrue();
        assertThat(eval.get("nonfinite_weights")).hasSize(2);
    }

    @Test
    void errorsModelsKeysAreSnakeCase() throws Exception {
        JsonNode models = json("errors", "models", "--json");
        assertThat(models.at("/models/0/parameters/0").has("default_value")).isTrue();
    }

    @Test
    void keysNamingAnOptionUseItsName() throws Exception {
        Path trace = Path.of("").toAbsolutePath().getParent().resolve("examples/commands.csv");
        JsonNode energy = json("dram", "energy", "--part", "DDR4-2400", "--trace", trace.toString(), "--json");
        assertThat(energy.get("part").asText()).isEqualTo("DDR4-2400");
        assertThat(energy.get("part_format").asText()).isEqualTo("UNDERVOLT_PRESET");
        assertThat(energy.get("energy_law").asText()).isEqualTo("quadratic");
        assertThat(energy.has("memspec")).isFalse();
        assertThat(energy.has("voltage_scaling")).isFalse();
        JsonNode info = json("dram", "info", "--part", "DDR3-1600", "--energy-law", "linear", "--json");
        assertThat(info.get("energy_law").asText()).isEqualTo("linear");
        assertThat(info.has("voltage_scaling")).isFalse();
        JsonNode map = json("map", "--network", "lenet5", "--weights-ber", "1e-4", "--json");
        assertThat(map.toString()).doesNotContain("voltage_scaling");
    }
}
