package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class ErrorsCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(captured);
            CommandLine cl = UndervoltCli.commandLine();
            cl.setOut(new PrintWriter(captured, true));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void injectPrintsOneJsonObjectWithFlipsBitsAndSeconds() throws Exception {
        Run r = run("errors", "inject", "--format", "int8", "--error-model", "uniform", "--ber", "1e-3",
                "--bits", "800000", "--seed", "1", "--json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("bits").asLong()).isEqualTo(800_000);
        assertThat(json.get("expected_flips").asDouble()).isEqualTo(800.0);
        // Binomial(800000, 1e-3): sd 28.3, so 5 sigma is +-141.
        assertThat(json.get("flips").asLong()).isBetween(659L, 941L);
        assertThat(json.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        Run again = run("errors", "inject", "--ber", "1e-3", "--bits", "800000", "--seed", "1", "--json");
        assertThat(new ObjectMapper().readTree(again.out()).get("flips")).isEqualTo(json.get("flips"));
    }

    @Test
    void injectJsonIsPinnedWithTheTimesSetAside() throws Exception {
        Run r = run("errors", "inject", "--error-model", "uniform", "--ber", "1e-3", "--bits", "80000", "--trials", "2",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new ObjectMapper().readValue(r.out(), java.util.LinkedHashMap.class);
        assertThat(j.get("seconds")).isInstanceOf(Double.class);
        j.put("seconds", 0.5); // the two timings are all that varies between runs
        j.put("copy_seconds", 0.25);
        org.undervolt.io.JsonPins.assertPinned("errors-inject", j);
    }

    @Test
    void blockedSamplerIsChosenFromTheCommandLineAndDrawsBinomialCounts() throws Exception {
        Run r = run("errors", "inject", "--ber", "1e-3", "--bits", "800000", "--sampler", "blocked", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("model").asText()).isEqualTo("uniform(ber=0.001, sampler=blocked)");
        assertThat(json.get("flips").asLong()).isBetween(659L, 941L);
    }

    @Test
    void everyModelRunsFromTheCommandLine() throws Exception {
        for (String[] model : new String[][] {{"bitline:weak-fraction=0.05"}, {"wordline"},
                {"data-dependent:0.25"}, {"location:granularity=bank", "--device-seed", "3"}}) {
            String[] args = new String[8 + model.length];
            String[] base = {"errors", "inject", "--format", "fp16", "--ber", "1e-3", "--json", "--error-model"};
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(model, 0, args, base.length, model.length);
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isZero();
            assertThat(new ObjectMapper().readTree(r.out()).get("model").asText()).isNotEmpty();
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"errors", "inject", "--ber", "1.5"},
                {"errors", "inject", "--ber", "1e-3", "--format", "int7"},
                {"errors", "inject", "--ber", "1e-3", "--error-model", "gaussian"},
                {"errors", "inject", "--ber", "1e-3", "--model", "uniform"},
                {"errors", "inject", "--ber", "0.5", "--error-model", "bitline:weak-fraction=0.1"},
                {"errors", "inject", "--ber", "1e-3", "--bits", "0"},
                {"errors", "inject", "--ber", "1e-3", "--sampler", "fast"},
                {"errors", "inject", "--ber", "1e-3", "--error-model", "wordline", "--sampler", "blocked"},
                {"errors", "inject", "--ber", "1e-3", "--error-model", "uniform:sequential", "--sampler", "blocked"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void bitmapThenFitRecognisesTheGeneratingModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("w.bitmap");
        Run gen = run("errors", "bitmap", "--error-model", "wordline:weak-fraction=0.05", "--device-seed", "2",
                "--ber", "5e-3", "--region", "2,4,1024,16", "--out", file.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        Run fit = run("errors", "fit", file.toString(), "--json");
        assertThat(fit.code()).as(fit.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(fit.out());
        assertThat(json.get("best").asText()).isEqualTo("wordline");
        assertThat(json.get("fits")).hasSize(5);
        // Weak rows: 8192 x 0.05 = 410, sd 19.7, so pw within 5 sd is 0.05 +- 0.012.
        assertThat(json.get("fits").get(0).get("parameters").get("pw").asDouble()).isBetween(0.038, 0.062);
        // Each fit names the spec that draws from it at the bitmap's BER; the best one runs as printed.
        double ber = json.get("observed_ber").asDouble();
        for (JsonNode f : json.get("fits")) {
            org.undervolt.dram.error.ErrorModelRegistry.family(f.get("spec").asText(), 1).atBer(ber);
        }
        assertThat(json.get("best_spec").asText()).startsWith("wordline:weak-fraction=0.0");
        // the text table: parameters under the registry's names as key=value at four significant digits, no Java map
        // braces or long doubles
        Run text = run("errors", "fit", file.toString());
        String table = text.out().substring(text.out().indexOf("parameters")); // not the temporary file's name
        assertThat(table).doesNotContain("{").containsPattern("weak-fraction=0\\.0\\d{1,4}(,|\\s|$)")
                .containsPattern("wordline .* cell-rate=0\\.\\d{1,4}, weak-fraction=").doesNotContain("pw=")
                .doesNotContainPattern("\\d{8,}");
        Run inject = run("errors", "inject", "--error-model", json.get("best_spec").asText(), "--ber", Double.toString(ber),
                "--bits", "100000", "--json");
        assertThat(inject.code()).as(inject.err()).isZero();
    }

    @Test
    void modelsJsonIsPinned() throws Exception {
        Run r = run("errors", "models", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new ObjectMapper().readValue(r.out(), java.util.LinkedHashMap.class);
        assertThat(org.undervolt.io.Json.write(j) + "\n").isEqualTo(r.out());
        org.undervolt.io.JsonPins.assertPinned("errors-models", j);
    }

    @Test
    void fitJsonAndTextArePinned(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("w.bitmap");
        assertThat(run("errors", "bitmap", "--error-model", "bitline:weak-fraction=0.1", "--device-seed", "3", "--ber",
                "2e-3", "--region", "1,2,512,16", "--out", file.toString()).code()).isZero();
        Run fit = run("errors", "fit", file.toString(), "--json");
        assertThat(fit.code()).as(fit.err()).isZero();
        String line = fit.out().replace(dir.toString(), "DIR");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new ObjectMapper().readValue(line, java.util.LinkedHashMap.class);
        assertThat(new ObjectMapper().writeValueAsString(j) + "\n").isEqualTo(line);
        org.undervolt.io.JsonPins.assertPinned("errors-fit", j);
        Run text = run("errors", "fit", file.toString());
        org.undervolt.io.JsonPins.assertPinned("errors-fit-text", java.util.Map.of("text",
                text.out().replace(dir.toString(), "DIR")));
    }

    @Test
    void badBitmapOrRegionExitsTwoAndWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bad = dir.resolve("bad.bitmap");
        java.nio.file.Files.writeString(bad, "undervolt-bitmap 1\npattern 0xAA\nfail 0 0 0 0\n");
        Run r = run("errors", "fit", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.bitmap:3: missing 'vdd'");
        java.nio.file.Path out = dir.resolve("none.bitmap");
        Run g = run("errors", "bitmap", "--ber", "2", "--out", out.toString());
        assertThat(g.code()).isEqualTo(2);
        assertThat(dir.toFile().list()).containsExactly("bad.bitmap");
    }

    @Test
    void benchReportsRatiosForEachPoint() throws Exception {
        Run r = run("errors", "bench", "--bits", "80000", "--ber", "1e-4,1e-2", "--reps", "3", "--warmup", "1",
                "--warmup-ms", "0", "--first-warmup-ms", "0", "--sampler", "both", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(r.out()).get("points");
        assertThat(points).hasSize(4); // both samplers at each BER
        for (JsonNode p : points) {
            assertThat(p.get("bits").asLong()).isEqualTo(80_000);
            assertThat(p.get("ratio").asDouble()).isPositive();
            assertThat(p.get("trial_ms").asDouble()).isPositive();
        }
        assertThat(points.get(0).get("sampler").asText()).isEqualTo("sequential");
        assertThat(points.get(1).get("sampler").asText()).isEqualTo("blocked");
        Run one = run("errors", "bench", "--bits", "80000", "--ber", "1e-2", "--reps", "1", "--warmup", "0",
                "--warmup-ms", "0", "--first-warmup-ms", "0", "--error-model", "data-dependent", "--json");
        assertThat(new ObjectMapper().readTree(one.out()).get("points")).hasSize(1);
        Run bad = run("errors", "bench", "--bits", "80000", "--error-model", "data-dependent", "--sampler", "both");
        assertThat(bad.code()).isEqualTo(2);
    }

    /** Every {@code errors} command, and {@code bench errors}: the words after {@code undervolt}. */
    private static final String[][] COMMANDS = {{"errors"}, {"errors", "models"}, {"errors", "inject"},
            {"errors", "bench"}, {"errors", "bitmap"}, {"errors", "fit"}, {"bench", "errors"}};

    @Test
    void everyErrorsCommandAnswersHelpWithADescriptionAndAnExample() {
        for (String[] command : COMMANDS) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run help = run(args);
            assertThat(help.code()).as(String.join(" ", args) + help.err()).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Usage: undervolt " + String.join(" ", command))
                    .containsPattern("Example")
                    .doesNotContain("--model");
        }
        assertThat(run("errors", "inject", "--help").out()).contains("--error-model=SPEC");
        assertThat(run("bench", "errors", "--help").out()).contains("--error-model=SPEC");
    }

    /**
     * The examples in the help run as printed (with the output file in a temporary folder and, for the
     * benchmark, one repetition without warm-up).
     */
    @Test
    void theExamplesInTheHelpRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (String[] command : COMMANDS) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            java.util.List<String> examples = new java.util.ArrayList<>();
            StringBuilder pending = new StringBuilder();
            for (String line : run(args).out().lines().toList()) {
                if (line.startsWith("  undervolt ") || pending.length() > 0) {
                    pending.append(line.strip().replaceAll("\\\\$", ""));
                    if (line.endsWith("\\")) {
                        continue;
                    }
                    examples.add(pending.toString().replaceAll("\\s+", " "));
                    pending.setLength(0);
                }
            }
            assertThat(examples).as(String.join(" ", command)).isNotEmpty();
            for (String example : examples) {
                String line = example.replace("w.bitmap", dir.resolve("w.bitmap").toString());
                if (line.contains(" bench")) {
                    line += " --reps 1 --warmup 0 --warmup-ms 0 --first-warmup-ms 0";
                }
                String[] words = line.substring("undervolt ".length()).split(" ");
                Run r = run(words);
                assertThat(r.code()).as(example + ": " + r.err()).isZero();
                if (line.contains("--out ")) {
                    assertThat(dir.resolve("w.bitmap")).as(example).isRegularFile();
                } else {
                    assertThat(r.out()).as(example).isNotBlank();
                }
            }
        }
    }

    @Test
    void modelsListsTheRegistry() throws Exception {
        Run text = run("errors", "models");
        assertThat(text.code()).isZero();
        for (var e : org.undervolt.dram.error.ErrorModelRegistry.entries()) {
            assertThat(text.out()).contains(e.form());
            for (var p : e.parameters()) {
                assertThat(text.out()).contains(p.name() + " (" + p.domain().form() + "; default "
                        + (p.defaultValue() == null ? "from the BER" : p.defaultValue()) + ")");
            }
        }
        JsonNode json = new ObjectMapper().readTree(run("errors", "list", "--json").out());
        assertThat(json.get("models")).hasSize(org.undervolt.dram.error.ErrorModelRegistry.entries().size());
        assertThat(json.get("models").get(1).get("parameters").get(0).get("name").asText()).isEqualTo("cell-rate");
        assertThat(json.get("models").get(1).get("parameters").get(0).get("default_value").asText()).isEqualTo("0.5");
        // the two readings of SparkXD's weak regions, told apart, and where the pipelines choose weak-subarray
        assertThat(json.get("note").asText()).contains("location fixes the weak fraction").contains("weak_fraction")
                .contains("--location-device");
        assertThat(text.out().replaceAll("\\s+", " ")).contains("sparkxd's weak_fraction below 1")
                .contains("e.g. --error-model weak-subarray:device=voltron:A4");
        assertThat(json.get("models").get(5).get("name").asText()).isEqualTo("weak-subarray");
        assertThat(json.get("models").get(5).get("example").asText()).isEqualTo("weak-subarray:device=voltron:A4");
    }
}
