package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.zoo.Mlp;

/**
 * Issue 11, "numerical faults", through the CLI: at a bit error rate of 0.2 a stored FP32, FP16 or BF16
 * value has its exponent bits flipped often enough that infinities and NaNs certainly reach the network
 * (about 1.6 of 8 exponent bits flip per FP32/BF16 value; the tolerance searches stop at 0.1, a grid
 * point). {@code undervolt eval --ber}, {@code undervolt tolerance} (DNN and SNN) and {@code undervolt snn eval --ber} must finish normally and report how many
 * they met, per trial, in their {@code --json} output; the tolerance count survives a resume.
 */
class NonfiniteValuesCliTest {
    private static final String HIGH_BER = "0.2";

    @TempDir
    static Path dir;
    private static Path data;
    private static Path dnn;
    private static Path snn;

    @BeforeAll
    static void fixtures() throws Exception {
        data = TinyIdx.write(dir.resolve("data"), 140, 100, 28, 10, 3);
        dnn = dir.resolve("mlp.uvnn");
        Checkpoint.save(Mlp.create(new int[] {784, 16, 10}, 5), Map.of("model", "mlp"), dnn);
        snn = dir.resolve("n4.snn");
        CliRun t = CliRun.of("snn", "train", "--data-dir", data.toString(), "--neurons", "4", "--train-images", "10",
                "--label-images", "20", "--test-images", "10", "--threads", "1", "--out", snn.toString(), "--json");
        assertThat(t.exit()).as(t.err()).isZero();
    }

    private static JsonNode ok(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as("exit code; stderr: " + r.err()).isZero();
        return r.json();
    }

    private static long sum(JsonNode perTrial) {
        long s = 0;
        for (JsonNode n : perTrial) {
            assertThat(n.asInt()).isNotNegative();
            s += n.asInt();
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "fp16", "bf16"})
    void evalCountsNonfiniteOutputsPerTrial(String format) throws Exception {
        JsonNode j = ok("eval", "--model", dnn.toString(), "--data-dir", data.toString(), "--format", format, "--ber",
                HIGH_BER, "--trials", "3", "--test-images", "40", "--threads", "1", "--json");
        JsonNode counts = j.get("nonfinite_outputs");
        assertThat(counts).as(j.toString()).isNotNull();
        assertThat(counts.size()).isEqualTo(3);
        assertThat(sum(counts)).as("images with a NaN/Inf output at BER " + HIGH_BER).isPositive()
                .isLessThanOrEqualTo(3L * 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "fp16", "bf16"})
    void toleranceCountsNonfiniteOutputsAndKeepsThemOnResume(String format) throws Exception {
        Path out = dir.resolve("tol-" + format);
        String[] args = {"tolerance", "--model", dnn.toString(), "--data-dir", data.toString(), "--data", "weights,ifm",
                "--format", format, "--ifm-format", format, "--no-value-correction", "--ber-min", "0.01", "--ber-max",
                "0.1", "--points-per-decade", "1", "--bisections", "0", "--delta", "1", "--trials", "2",
                "--test-images", "30", "--profile-images", "30", "--out", out.toString(), "--json"};
        JsonNode j = ok(args);
        JsonNode n = j.get("nonfinite_outputs");
        assertThat(n).as(j.toString()).isNotNull();
        assertThat(j.get("coarse").get("curve")).as("grid 0.01, 0.1; delta 1 accepts both").hasSize(2);
        assertThat(n.get("trials").asInt()).as("every trial of every point is counted").isEqualTo(2 * 2);
        assertThat(n.get("total").asLong()).isPositive();
        assertThat(n.get("handling").asText()).contains("NaN");
        long listed = 0;
        for (JsonNode p : n.get("points")) {
            assertThat(p.get("target").asText()).isEqualTo("network");
            listed += sum(p.get("per_trial"));
        }
        assertThat(listed).isEqualTo(n.get("total").asLong());
        assertThat(Files.readString(out.resolve("tolerance.json"))).contains("nonfinite_outputs");

        JsonNode again = ok(args); // every point now comes from points.json
        assertThat(again.get("nonfinite_outputs")).isEqualTo(n);
        assertThat(again.get("coarse")).isEqualTo(j.get("coarse"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "fp16", "bf16"})
    void snnEvalCountsNonfiniteWeightsPerTrial(String format) throws Exception {
        JsonNode j = ok("snn", "eval", "--model", snn.toString(), "--data-dir", data.toString(), "--format", format,
                "--ber", HIGH_BER, "--trials", "2", "--test-images", "10", "--threads", "1", "--json");
        JsonNode counts = j.get("nonfinite_weights");
        assertThat(counts).as(j.toString()).isNotNull();
        assertThat(counts.size()).isEqualTo(2);
        assertThat(sum(counts)).as("weights read as NaN/Inf at BER " + HIGH_BER).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "bf16"})
    void snnToleranceCountsNonfiniteWeights(String format) throws Exception {
        JsonNode j = ok("tolerance", "--model", snn.toString(), "--data-dir", data.toString(), "--format", format,
                "--ber-min", "0.01", "--ber-max", "0.1", "--points-per-decade", "1", "--bisections", "0", "--delta",
                "1", "--trials", "2", "--test-images", "10", "--threads", "1", "--out",
                dir.resolve("snn-tol-" + format).toString(), "--json");
        JsonNode n = j.get("nonfinite_weights");
        assertThat(n).as(j.toString()).isNotNull();
        assertThat(j.get("coarse").get("curve")).hasSize(2);
        assertThat(n.get("trials").asInt()).isEqualTo(2 * 2);
        assertThat(n.get("total").asLong()).isPositive();
    }
}
