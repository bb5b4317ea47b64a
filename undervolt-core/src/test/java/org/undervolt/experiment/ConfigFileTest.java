package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;

/** Pipeline config files in JSON and YAML: same settings, same run; bad files named with their line. */
class ConfigFileTest {

    private static final String JSON = """
            {
              "dataset": "fashion-mnist",
              "network": "mlp",
              "seed": 7,
              "ber_start": 1e-4,
              "ber_max": 0.01,
              "data": ["weights", "ifm"],
              "value_correction": false,
              "model": null,
              "trials": 3,
              "tolerance_ber_min": 1e-06
            }
            """;

    private static final String YAML = """
            # the same settings as the JSON file
            dataset: fashion-mnist
            network: mlp
            seed: 7
            ber_start: 1.0e-4
            ber_max: 0.01
            data:
              - weights
              - ifm
            value_correction: false
            model: ~
            trials: 3
            tolerance_ber_min: 1e-06
            """;

    @Test
    void theSameSettingsInJsonAndYamlAreTheSameRun(@TempDir Path tmp) throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        Path yaml = Files.writeString(tmp.resolve("c.yaml"), YAML);
        Path yml = Files.writeString(tmp.resolve("c.yml"), YAML);
        PipelineConfig a = PipelineConfig.preset("eden", "quick").withFile(json);
        PipelineConfig b = PipelineConfig.preset("eden", "quick").withFile(yaml);
        assertThat(b.canonical()).isEqualTo(a.canonical());
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(PipelineConfig.preset("eden", "quick").withFile(yml).canonical()).isEqualTo(a.canonical());
        assertThat(b.number("ber_start")).isEqualTo(1e-4);
        assertThat(b.number("tolerance_ber_min")).isEqualTo(1e-6);
        assertThat(b.texts("data")).containsExactly("weights", "ifm");
        assertThat(b.optionalText("model")).isNull();
        assertThat(b.canonical()).isNotEqualTo(PipelineConfig.preset("eden", "quick").canonical());
    }

    @Test
    void theOldKeyNamesStillWorkAndTheRunKeepsItsIdentity() {
        PipelineConfig renamed = PipelineConfig.preset("eden", "quick")
                .withSettings(List.of("part=DDR3-1600_1Gb_x8", "row_policy=closed"));
        PipelineConfig old = PipelineConfig.preset("eden", "quick")
                .withSettings(List.of("preset=DDR3-1600_1Gb_x8", "page_policy=closed"));
        assertThat(old.values()).isEqualTo(renamed.values());
        assertThat(old.text("part")).isEqualTo("DDR3-1600_1Gb_x8");
        assertThat(old.values()).doesNotContainKeys("preset", "page_policy");
        // the identity keeps the names runs were stored under before the rename, so their folders are found again
        assertThat(renamed.canonical()).isEqualTo(old.canonical())
                .contains("\"preset\":\"DDR3-1600_1Gb_x8\"", "\"page_policy\":\"closed\"")
                .doesNotContain("\"part\"", "\"row_policy\"");
    }

    @Test
    void syntaxComesFromTheExtensionElseFromTheContent(@TempDir Path tmp) throws Exception {
        assertThat(ConfigFile.syntaxOf("a.YAML", "{}")).isEqualTo("yaml");
        assertThat(ConfigFile.syntaxOf("a.json", "x: 1")).isEqualTo("json");
        assertThat(ConfigFile.syntaxOf("settings", "  {\"seed\": 2}")).isEqualTo("json");
        assertThat(ConfigFile.syntaxOf("settings", "seed: 2")).isEqualTo("yaml");
        Path noExt = Files.writeString(tmp.resolve("settings"), "seed: 2\ntrials: 4\n");
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withFile(noExt);
        assertThat(c.integer("seed", 0, 100)).isEqualTo(2);
        assertThat(c.integer("trials", 0, 100)).isEqualTo(4);
    }

    @Test
    void badYamlIsOneLineNamingTheFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "seed: 2\ntrials: [3\nneurons: 4\n");
        assertThatThrownBy(() -> PipelineConfig.preset("sparkxd", "quick").withFile(bad))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(bad + ": not a YAML object of settings (line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Path list = Files.writeString(tmp.resolve("list.yml"), "- seed\n- trials\n");
        assertThatThrownBy(() -> PipelineConfig.preset("sparkxd", "quick").withFile(list))
                .hasMessageStartingWith(list + ": not a YAML object of settings (line 1");

        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "# nothing\n");
        assertThatThrownBy(() -> PipelineConfig.preset("sparkxd", "quick").withFile(empty))
                .hasMessageStartingWith(empty + ": not a YAML object of settings (line 2").hasMessageContaining("end-of-input");
    }

    @Test
    void anUnknownKeyOrABadValueNamesItsLine(@TempDir Path tmp) throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "seed: 2\n\nnuerons: 400\n");
        assertThatThrownBy(() -> PipelineConfig.preset("sparkxd", "quick").withFile(typo))
                .hasMessageStartingWith(typo + " line 3: unknown sparkxd setting 'nuerons' (did you mean neurons?); expected one of [");

        Path value = Files.writeString(tmp.resolve("value.yaml"), "seed: 2\ntrials: lots\n");
        assertThatThrownBy(() -> PipelineConfig.preset("sparkxd", "quick").withFile(value))
                .hasMessage("sparkxd setting 'trials' = lots (" + value + " line 2): expected an integer in 2..10000");
        // a later --set takes the value, and the blame
        Path good = Files.writeString(tmp.resolve("good.yaml"), "seed: 2\ntrials: 4\n");
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withFile(good);
        assertThat(c.integer("trials", 2, 100)).isEqualTo(4);
        assertThatThrownBy(() -> c.withSettings(List.of("trials=1")))
                .hasMessage("sparkxd setting 'trials' = 1: expected an integer in 2..10000");
    }

    @Test
    void theShippedExamplesParseAndPassTheChecks() {
        ImageDataset images = new ImageDataset("blank", 28, 28, new byte[5000 * 784], new byte[5000], 10);
        PipelineConfig eden = PipelineConfig.preset("eden", "quick").withFile(example("eden-mlp-fashion.yaml"));
        new EdenPipeline(eden, images, images, m -> { }).check();
        assertThat(eden.text("network")).isEqualTo("mlp");
        assertThat(eden.text("dataset")).isEqualTo("fashion-mnist");
        assertThat(eden.number("ber_max")).isEqualTo(1e-2);

        PipelineConfig snn = PipelineConfig.preset("sparkxd", "quick").withFile(example("sparkxd-n400.yaml"));
        new SparkxdPipeline(snn, images, images, 1, m -> { }).check();
        assertThat(snn.integer("neurons", 1, 65536)).isEqualTo(400);
        assertThat(snn.number("ber_start")).isEqualTo(1e-5);
    }

    /** The repository's {@code examples/} folder (tests run in the module folder). */
    static Path example(String name) {
        Path p = Path.of("..", "examples", name);
        assertThat(p).as("example config shipped in examples/").isRegularFile();
        return p;
    }
}
