package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class BenchCommandTest {

    private record Run(int code, String out, String err) {
    }

    /** Runs the CLI; stdout collects both picocli's writer and System.out (errors bench prints there). */
    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            CommandLine cl = UndervoltCli.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new Run(code, out + sysOut.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void groupsTheFiveBenchmarksUnderNamesOfTheirOwn() {
        CommandLine bench = UndervoltCli.commandLine().getSubcommands().get("bench");
        assertThat(bench.getSubcommands().keySet()).containsExactly("dram-energy", "dram-sim", "errors", "nn", "tolerance");
        assertThat(bench.getSubcommands().get("dram-energy").<Object>getCommand()).isInstanceOf(DramBenchCommand.class);
        assertThat(bench.getSubcommands().get("dram-sim").<Object>getCommand()).isInstanceOf(DramSimBenchCommand.class);
        assertThat(bench.getSubcommands().get("errors").<Object>getCommand()).isInstanceOf(ErrorsBenchCommand.class);
        assertThat(bench.getSubcommands().get("nn").<Object>getCommand()).isInstanceOf(NnBenchCommand.class);
        assertThat(bench.getSubcommands().get("tolerance").<Object>getCommand()).isInstanceOf(ToleranceBenchCommand.class);
        assertThat(bench.getSubcommands().get("errors").getCommandSpec().qualifiedName()).isEqualTo("undervolt bench errors");
        // the originals stay where they were, as separate instances
        CommandLine dram = UndervoltCli.commandLine().getSubcommands().get("dram");
        assertThat(dram.getSubcommands()).containsKeys("bench", "sim-bench");
    }

    @Test
    void bareBenchPrintsItsUsageListingTheSubcommands() {
        Run r = run("bench");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("dram-energy", "dram-sim", "errors", "nn", "undervolt-bench/run.sh");
    }

    @Test
    void dramEnergyRunsUnderTheNewParentWithTheSameFigures() throws Exception {
        Run r = run("bench", "dram-energy", "--commands", "2000", "--repeats", "1", "--warmups", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        Run original = run("dram", "bench", "--commands", "2000", "--repeats", "1", "--warmups", "0", "--json");
        JsonNode o = new ObjectMapper().readTree(original.out());
        // the trace is seeded: same commands and the same energy checksum by either path
        assertThat(j.get("commands").asInt()).isEqualTo(o.get("commands").asInt()).isGreaterThanOrEqualTo(2000);
        assertThat(j.get("core_j").asDouble()).isEqualTo(o.get("core_j").asDouble()).isPositive();
    }

    @Test
    void errorsRunsUnderTheNewParent() throws Exception {
        Run r = run("bench", "errors", "--bits", "8000", "--ber", "1e-2", "--reps", "1", "--warmup", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(r.out()).get("points");
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get("bits").asLong()).isEqualTo(8000);
    }

    /**
     * Each benchmark's {@code --json} pinned to the byte (keys, order, the figures that do not vary: sizes, flips,
     * counts, energies, accuracies), with its timings and the machine's measuring tool set aside.
     */
    @Test
    void theJsonOfEveryBenchmarkIsPinnedWithItsTimingsSetAside(@TempDir Path tmp) throws Exception {
        pin("bench-errors", run("bench", "errors", "--bits", "8000,64000", "--ber", "1e-3,1e-2", "--sampler", "both",
                "--reps", "1", "--warmup", "0", "--warmup-ms", "0", "--first-warmup-ms", "0", "--json"), tmp);
        pin("bench-dram-energy", run("bench", "dram-energy", "--commands", "2000", "--repeats", "1", "--warmups", "0",
                "--json"), tmp);
        pin("bench-dram-sim", run("bench", "dram-sim", "--request-count", "2000", "--repeats", "1", "--json"), tmp);
        Path data = TinyIdx.write(tmp.resolve("d"), 300, 200, 8, 3, 7);
        pin("bench-nn", run("bench", "nn", "--data-dir", data.toString(), "--network", "mlp", "--train-images", "100",
                "--infer-batch", "50", "--repeats", "1", "--threads", "1", "--json"), tmp);
        Path model = tmp.resolve("m.uvnn");
        CliRun t = CliRun.of("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "1", "--threads", "1",
                "--out", model.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        pin("bench-tolerance", run("bench", "tolerance", "--data-dir", data.toString(), "--model", model.toString(),
                "--trials", "2", "--test-images", "50", "--profile-images", "50", "--ber-min", "1e-4", "--json"), tmp);
    }

    /**
     * An SNN model is compared as {@code undervolt tolerance} searches it: full evaluation uses every test image of every
     * trial, sequential no more, and both give the tolerance command's answer (same seed, same draws).
     */
    @Test
    void anSnnModelIsComparedAsTheToleranceCommandSearchesIt(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 400, 300, 28, 3, 3);
        Path model = tmp.resolve("n.snn");
        CliRun t = CliRun.of("snn", "train", "--data-dir", data.toString(), "--neurons", "6", "--train-images", "40",
                "--test-images", "20", "--label-images", "40", "--threads", "1", "--out", model.toString(), "--json");
        assertThat(t.exit()).as(t.err()).isZero();
        String[] grid = {"--data-dir", data.toString(), "--model", model.toString(), "--trials", "2", "--test-images", "120",
            "--ber-min", "1e-3", "--ber-max", "1e-1", "--bisections", "1"};
        Run r = run(concat(new String[] {"bench", "tolerance", "--threads", "2", "--json"}, grid));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertThat(runs).hasSize(2);
        JsonNode full = runs.get(0);
        JsonNode sequential = runs.get(1);
        assertThat(full.get("evaluation").asText()).isEqualTo("full");
        assertThat(sequential.get("evaluation").asText()).isEqualTo("sequential");
        assertThat(full.get("trial_images").asLong()).isEqualTo(full.get("trial_images_if_full").asLong()).isPositive();
        assertThat(full.get("trial_images").asLong() % 120).as("every trial on all 120 images").isZero();
        assertThat(full.get("points").asInt()).as("a search, not one point").isGreaterThanOrEqualTo(2);
        assertThat(sequential.get("trial_images").asLong()).isPositive()
                .isLessThanOrEqualTo(sequential.get("trial_images_if_full").asLong());

        CliRun tol = CliRun.of(concat(new String[] {"tolerance", "--evaluation", "full", "--threads", "1", "--json", "--out",
            tmp.resolve("tol").toString()}, grid));
        assertThat(tol.exit()).as(tol.err()).isZero();
        double answer = new ObjectMapper().readTree(tol.out()).get("coarse").get("tolerable_ber").asDouble();
        assertThat(full.get("tolerable_ber").asDouble()).isEqualTo(answer);
        assertThat(sequential.get("tolerable_ber").asDouble()).isEqualTo(answer);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void pin(String name, Run r, Path tmp) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.mapper().readValue(r.out(), LinkedHashMap.class);
        assertThat(r.out().strip()).isIn(Json.compact(j), Json.write(j));
        JsonPins.assertPinned(name, setAside(j, tmp.toString()));
    }

    /** Whether the key holds a timing, a ratio of timings or how the time was taken: what varies between runs. */
    private static boolean varies(String key) {
        return key.endsWith("_s") || key.endsWith("_ms") || key.contains("seconds") || key.contains("per_s")
                || key.contains("speedup") || key.contains("_vs_") || key.equals("ratio") || key.equals("trial_extra")
                || key.contains("rss") || key.endsWith("measured_with");
    }

    @SuppressWarnings("unchecked")
    private static Object setAside(Object v, String tmp) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, varies(k) ? "set aside"
                    : setAside(x, tmp)));
            return out;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(x -> setAside(x, tmp)).toList();
        }
        return v instanceof String s ? s.replace(tmp, "TMP") : v;
    }

    @Test
    void badInputUnderTheNewParentExitsTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"bench", "dram-energy", "--commands", "0"},
                {"bench", "dram-sim", "--request-count", "0"},
                {"bench", "errors", "--ber", "2", "--bits", "8000"},
                {"bench", "nosuch"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
