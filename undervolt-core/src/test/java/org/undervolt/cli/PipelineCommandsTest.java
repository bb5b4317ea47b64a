package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code undervolt eden} and {@code undervolt sparkxd}: JSON output, resuming by rerunning, bad input. */
class PipelineCommandsTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path tinyData(Path dir) {
        return TinyIdx.write(dir, 260, 200, 28, 10, 5);
    }

    /**
     * Issue 18/19: one pricing per run. The headline is the median device's point of the mapping stage's lookup, so
     * its voltage and saving are the spread's medians, inside the spread, and the operating point at the tolerance
     * the mapping used; all priced on the network's inference trace.
     */
    private static void assertOnePricing(JsonNode s, Path stage) throws Exception {
        JsonNode spread = s.get("devices_summary");
        double saving = s.get("energy_saving").asDouble();
        assertThat(s.get("priced_on").asText()).isEqualTo("network inference trace");
        assertThat(s.get("vdd_chosen").asDouble()).isEqualTo(spread.get("chosen").get("median").asDouble());
        assertThat(saving).isEqualTo(spread.get("energy_saving").get("median").asDouble())
                .isBetween(spread.get("energy_saving").get("min").asDouble(), spread.get("energy_saving").get("max").asDouble());
        assertThat(saving).isCloseTo(1 - s.get("energy_chosen_j").asDouble() / s.get("energy_nominal_j").asDouble(),
                org.assertj.core.api.Assertions.within(1e-15));
        JsonNode op = new ObjectMapper().readTree(Files.readString(stage)).get("operating_point");
        assertThat(op.get("chosen_vdd").asDouble()).isEqualTo(s.get("vdd_chosen").asDouble());
        assertThat(op.get("energy_saving").asDouble()).isEqualTo(saving);
        JsonNode ops = s.get("operating_points");
        assertThat(ops.get("priced_on").asText()).isEqualTo("network inference trace");
        for (String k : new String[] {"without_retraining", "with_retraining"}) {
            JsonNode p = ops.get(k);
            if (p.get("tolerable_ber").asDouble() == op.get("tolerable_ber").asDouble()) {
                assertThat(p.get("chosen_vdd").asDouble()).as(k).isEqualTo(s.get("vdd_chosen").asDouble());
                assertThat(p.get("energy_saving").asDouble()).as(k).isEqualTo(saving);
                assertThat(p.get("device").asText()).as(k).isEqualTo(op.get("device").asText());
            }
        }
    }

    @Test
    void sparkxdPrintsOneJsonObjectAndARerunReusesEveryStage(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        String[] args = {"sparkxd", "--quick", "--set", "data_dir=" + data, "--set", "neurons=8", "--set", "train_images=30",
            "--set", "checkpoint_every=10", "--set", "label_images=30", "--set", "test_images=20", "--set", "images_per_step=10",
            "--set", "ber_max=1e-3", "--set", "tolerance_ber_min=1e-3", "--set", "trials=2", "--threads", "1",
            "--out", tmp.resolve("run").toString(), "--store", tmp.resolve("u.db").toString(), "--json"};
        CliRun first = run(args);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        JsonNode printed = new ObjectMapper().readTree(first.out());
        assertThat(printed).isEqualTo(new ObjectMapper().readTree(Files.readString(tmp.resolve("run/summary.json"))));
        assertThat(printed.get("pipeline").asText()).isEqualTo("sparkxd");
        assertThat(printed.get("vdd_nominal").asDouble()).isEqualTo(1.2);
        assertThat(printed.get("vdd_chosen").asDouble()).isBetween(0.9, 1.2);
        assertThat(printed.get("energy_chosen_j").asDouble()).isLessThanOrEqualTo(printed.get("energy_nominal_j").asDouble());
        assertThat(printed.get("limited_by").asText()).isIn("tolerance", "data-floor", "extrapolation-limit", "timing");
        assertThat(printed.get("energy_saving_linear").asDouble())
                .isLessThanOrEqualTo(printed.get("energy_saving_quadratic").asDouble());
        assertThat(printed.get("devices_summary").get("energy_saving").get("median").isNumber()).isTrue();
        // issue 18: the headline names shared with eden, and FAT beside its control
        for (String k : new String[] {"baseline_accuracy", "tolerable_ber_without_retraining", "tolerable_ber_with_retraining",
            "tolerable_ber_control", "energy_saving", "control_accuracy"}) {
            assertThat(printed.get(k).isNumber()).as(k).isTrue();
        }
        assertThat(printed.has("retraining_gain")).isTrue();
        // FAT and control on the same draws at the control's first failing BER, or why not
        JsonNode versus = new ObjectMapper().readTree(Files.readString(tmp.resolve("run/stages/fat-vs-control.json")));
        if (versus.has("skipped")) {
            assertThat(printed.has("fat_beats_control")).isFalse();
        } else {
            assertThat(versus.get("ber").asDouble()).isGreaterThan(versus.get("control_tolerable_ber").asDouble());
            assertThat(versus.get("difference").asDouble()).isCloseTo(versus.get("fault_aware_accuracy").asDouble()
                    - versus.get("control_accuracy").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(versus.get("images_fault_aware_better").asInt() + versus.get("images_control_better").asInt())
                    .isBetween(0, 20);
            assertThat(versus.get("trials").asInt()).isEqualTo(2);
            assertThat(printed.get("fat_beats_control").asBoolean()).isEqualTo(versus.get("fault_aware_better").asBoolean());
        }
        // both tolerable BERs on shared draws, with the bootstrap confidence, or why not
        JsonNode paired = new ObjectMapper().readTree(Files.readString(tmp.resolve("run/stages/fat-vs-control-ber.json")));
        if (paired.has("skipped")) {
            assertThat(printed.has("fat_beats_control_ber")).isFalse();
        } else {
            assertThat(printed.get("tolerable_ber_fault_aware_paired")).isEqualTo(paired.at("/fault_aware/tolerable_ber"));
            assertThat(printed.get("tolerable_ber_control_paired")).isEqualTo(paired.at("/control/tolerable_ber"));
            double confidence = paired.get("confidence").asDouble();
            assertThat(confidence + paired.get("tie").asDouble()).isBetween(0.0, 1.0);
            assertThat(printed.get("fat_beats_control_ber").asBoolean()).isEqualTo(confidence >= 0.95);
            assertThat(paired.get("points").size()).isGreaterThanOrEqualTo(2);
        }
        assertThat(printed.get("deployed_network").asText()).isIn("baseline", "fault_aware");
        assertThat(printed.get("operating_points").get("differ").isBoolean()).isTrue();
        assertOnePricing(printed, tmp.resolve("run/stages/placement.json"));
        assertThat(Files.readString(tmp.resolve("run/report.html"))).contains("Placement map").contains("<svg")
                .contains("control (same STDP images, no flips)").contains("FP32, zero")
                .contains("Energy saving versus tolerable BER across the measured devices").contains("Every measured device");

        long before = Files.getLastModifiedTime(tmp.resolve("run/stages/train.json")).toMillis();
        CliRun again = run(args);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.getLastModifiedTime(tmp.resolve("run/stages/train.json")).toMillis()).isEqualTo(before);
        JsonNode second = new ObjectMapper().readTree(again.out());
        assertThat(second.get("energy_saving")).isEqualTo(printed.get("energy_saving"));
        assertThat(second.get("tolerable_ber_with_retraining")).isEqualTo(printed.get("tolerable_ber_with_retraining"));
        assertThat(second.get("run_id")).as("the rerun records into the same run").isEqualTo(printed.get("run_id"));

        // the estimate leaves out what the folder already holds: here everything
        String[] estimate = java.util.Arrays.copyOf(args, args.length + 1);
        estimate[args.length] = "--estimate";
        CliRun done = run(estimate);
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.json().get("stages")).isEmpty();
        assertThat(done.json().get("at_most_s").asDouble()).isZero();
        estimate[java.util.Arrays.asList(args).indexOf("--out") + 1] = tmp.resolve("fresh").toString();
        JsonNode fresh = run(estimate).json();
        assertThat(fresh.get("stages").fieldNames()).toIterable()
                .containsExactly("train", "fault-aware-training", "tolerance", "fat-vs-control", "fat-vs-control-ber",
                        "placement");
        assertThat(fresh.get("typical_s").asDouble()).isPositive().isLessThanOrEqualTo(fresh.get("at_most_s").asDouble());
        assertThat(fresh.at("/unit_costs/stdp_image_s").asDouble()).isPositive();
        assertThat(tmp.resolve("fresh")).as("an estimate runs nothing").doesNotExist();

        JsonNode runs = run("runs", "list", "--store", tmp.resolve("u.db").toString(), "--json").json();
        assertThat(runs.at("/runs/0/kind").asText()).isEqualTo("sparkxd");
        // 2 trials per tolerance point, baseline, fault-aware and control searches, recorded once despite the rerun
        long points = 0;
        for (String net : new String[] {"baseline", "fault-aware", "control"}) {
            points += new ObjectMapper().readTree(tmp.resolve("run/tolerance/" + net + "/points.json").toFile())
                    .path("points").size();
        }
        assertThat(points).isGreaterThanOrEqualTo(2);
        assertThat(runs.at("/runs/0/trials").asLong()).isEqualTo(2 * points);
    }

    @Test
    void badSettingsAreOneLineExitTwoAndLeaveNoFolder(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        CliRun r = run("eden", "--quick", "--set", "trials=1", "--out", out.toString(), "--no-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("undervolt: eden setting 'trials' = 1: expected an integer in 2..10000");
        assertThat(out).doesNotExist();

        CliRun unknown = run("sparkxd", "--quick", "--set", "nuerons=400", "--out", out.toString(), "--no-store");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown sparkxd setting 'nuerons'").hasLineCount(1);

        CliRun correction = run("sparkxd", "--quick", "--set", "read_correction=saturate", "--out", out.toString(), "--no-store");
        assertThat(correction.exit()).isEqualTo(2);
        assertThat(correction.err()).contains("sparkxd setting 'read_correction' = saturate").contains("expected none, clamp or zero")
                .hasLineCount(1);
        CliRun preset = run("sparkxd", "--preset", "n401", "--no-store");
        assertThat(preset.exit()).isEqualTo(2);
        assertThat(preset.err()).contains("n400").hasLineCount(1);
    }

    @Test
    void printConfigShowsTheMergedSettingsAndHelpDocumentsExitCodes() throws Exception {
        CliRun r = run("eden", "--preset", "lenet5-fp32", "--set", "seed=7", "--print-config");
        assertThat(r.exit()).isZero();
        JsonNode c = new ObjectMapper().readTree(r.out());
        assertThat(c.get("format").asText()).isEqualTo("fp32");
        assertThat(c.get("seed").asInt()).isEqualTo(7);
        assertThat(run("eden", "--help").out()).contains("Exit codes: 0 success").contains("undervolt eden --quick");
        assertThat(run("sparkxd", "--help").out()).contains("Exit codes: 0 success").contains("n3600");
    }

    @Test
    void aYamlConfigIsReadAndABadOneIsOneLineNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path yaml = Files.writeString(tmp.resolve("my.yaml"), "# mine\nseed: 9\ndata: [weights]\n");
        CliRun r = run("eden", "--config", yaml.toString(), "--print-config");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(r.out());
        assertThat(c.get("seed").asInt()).isEqualTo(9);
        assertThat(c.get("data").toString()).isEqualTo("[\"weights\"]");

        Path bad = Files.writeString(tmp.resolve("bad.yml"), "seed: 9\n  trials: 3\n");
        CliRun b = run("eden", "--config", bad.toString(), "--out", tmp.resolve("run").toString(), "--no-store");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).hasLineCount(1).contains(bad.toString()).contains("line 2").contains("YAML");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void edenRunsVggSmallOnCifarFilesAndSaysWhenThereAreNone(@TempDir Path tmp) throws Exception {
        Path data = TinyCifar.write(tmp.resolve("cifar"), 8, 10, 2);
        CliRun r = run("eden", "--quick", "--set", "dataset=cifar10", "--set", "data_dir=" + data, "--set", "network=vgg-small",
                "--set", "base_train_images=30", "--set", "validation_images=10", "--set", "train_images=30",
                "--set", "retrain_epochs=1", "--set", "batch=10", "--set", "profile_images=10", "--set", "data=[\"weights\"]",
                "--set", "tolerance_ber_min=1e-3", "--set", "tolerance_ber_max=0.1", "--set", "bisections=0",
                "--set", "trials=2", "--set", "test_images=10", "--set", "partition_count=4", "--threads", "1",
                "--set", "error_model=data-dependent:ratio=4",
                "--out", tmp.resolve("run").toString(), "--no-store", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("pipeline").asText()).isEqualTo("eden");
        assertThat(j.at("/provenance/git_revision").isTextual()).as("summary.json names the code that ran").isTrue();
        // the report names the error model the tolerance was searched under, not always uniform
        String html = Files.readString(tmp.resolve("run/report.html"));
        int row = html.indexOf("error model that decided the tolerance");
        assertThat(row).isPositive();
        assertThat(html.substring(row, html.indexOf("</tr>", row))).contains("data-dependent:ratio=4");
        assertThat(j.get("baseline_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertOnePricing(j, tmp.resolve("run/stages/mapping.json"));
        org.undervolt.nn.model.Sequential base = org.undervolt.nn.io.Checkpoint.load(tmp.resolve("run/model/base.uvnn")).model();
        assertThat(base.inputShape()).containsExactly(3, 32, 32);
        assertThat(base.parameterCount()).isEqualTo(org.undervolt.nn.zoo.Vgg.small(3, 32, 10, 1).parameterCount());

        Path out = tmp.resolve("none");
        CliRun none = run("eden", "--quick", "--set", "dataset=cifar10", "--set", "network=vgg-small", "--out", out.toString(),
                "--no-store");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().strip()).hasLineCount(1).contains("eden setting 'dataset' = cifar10").contains("none is bundled");
        assertThat(out).doesNotExist();

        CliRun resnet = run("eden", "--quick", "--set", "dataset=cifar10", "--set", "data_dir=" + data, "--set",
                "network=resnet20", "--out", out.toString(), "--no-store");
        assertThat(resnet.exit()).isEqualTo(2);
        assertThat(resnet.err().strip()).hasLineCount(1).contains("eden setting 'network' = resnet20")
                .contains("nested layers");
        assertThat(out).doesNotExist();

        CliRun lenet = run("eden", "--quick", "--set", "dataset=cifar10", "--set", "data_dir=" + data, "--out", out.toString(),
                "--no-store");
        assertThat(lenet.exit()).isEqualTo(2);
        assertThat(lenet.err().strip()).hasLineCount(1).contains("lenet5 needs 28x28 images");
        assertThat(out).doesNotExist();
    }
}
