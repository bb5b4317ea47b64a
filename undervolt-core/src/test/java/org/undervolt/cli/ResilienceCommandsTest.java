package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ResilienceCommandsTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path tinyData(Path dir) {
        return TinyIdx.write(dir, 400, 300, 28, 3, 3);
    }

    @Test
    void retrainThenToleranceAsJsonAndAResumedToleranceGivesTheSameAnswer(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path rt = tmp.resolve("rt");
        CliRun r = run("retrain", "--data-dir", data.toString(), "--network", "mlp", "--base-epochs", "1",
                "--train-images", "200", "--validation-images", "50", "--epochs", "2", "--ber-start", "1e-3",
                "--profile-images", "100", "--out", rt.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("history")).hasSize(2);
        assertThat(j.get("history").get(0).get("ber").asDouble()).isEqualTo(1e-3);
        assertThat(rt.resolve("retrained.uvnn")).exists();
        assertThat(rt.resolve("retrain.ckpt")).exists();

        Path tol = tmp.resolve("tol");
        String[] args = {"tolerance", "--data-dir", data.toString(), "--model", rt.resolve("retrained.uvnn").toString(),
            "--fine", "--trials", "2", "--test-images", "100", "--profile-images", "100", "--ber-min", "1e-4",
            "--bisections", "2", "--out", tol.toString(), "--json"};
        CliRun t1 = run(args);
        assertThat(t1.exit()).as(t1.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(t1.out());
        assertThat(a.get("coarse").get("tolerable_ber").asDouble()).isPositive();
        assertThat(a.get("fine")).hasSize(6); // mlp 784-256-128-3: three dense layers x (weights, ifm)
        assertThat(a.get("combination").get("validated").isBoolean()).isTrue();
        assertThat(Files.readString(tol.resolve("curves.csv"))).startsWith("target,ber,trials,mean");
        CliRun t2 = run(args);
        JsonNode b = new ObjectMapper().readTree(t2.out());
        ((ObjectNode) a).remove("provenance");
        ((ObjectNode) b).remove("provenance");
        assertThat(b).isEqualTo(a);
        // A lower reference accuracy reuses the measured points and can only raise the tolerable BER.
        String[] lower = java.util.Arrays.copyOf(args, args.length + 2);
        lower[args.length] = "--baseline-accuracy";
        lower[args.length + 1] = "0.5";
        JsonNode c = new ObjectMapper().readTree(run(lower).out());
        assertThat(c.get("reference_accuracy").asDouble()).isEqualTo(0.5);
        assertThat(c.get("threshold").asDouble()).isCloseTo(0.49, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.get("coarse").get("tolerable_ber").asDouble())
                .isGreaterThanOrEqualTo(a.get("coarse").get("tolerable_ber").asDouble());
    }

    @Test
    void snnFaultAwareTrainingThenSnnTolerance(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path base = tmp.resolve("base.snn");
        CliRun t = run("snn", "train", "--data-dir", data.toString(), "--neurons", "4", "--train-images", "20",
                "--test-images", "20", "--label-images", "20", "--threads", "1", "--out", base.toString(), "--json");
        assertThat(t.exit()).as(t.err()).isZero();
        Path fat = tmp.resolve("fat");
        // --model FILE is an SNN by its content: no --network snn needed
        CliRun f = run("retrain", "--data-dir", data.toString(), "--model", base.toString(),
                "--format", "int8", "--ber-start", "1e-3", "--ber-factor", "10", "--ber-max", "1e-2",
                "--images-per-step", "5", "--inject-every", "2", "--eval-ber", "1e-3,1e-2", "--trials", "2",
                "--label-images", "20", "--test-images", "20", "--threads", "1", "--out", fat.toString(), "--json");
        assertThat(f.exit()).as(f.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(f.out());
        assertThat(j.get("fat_bers")).hasSize(2);
        assertThat(j.get("fault_aware").get("with_errors")).hasSize(2);
        assertThat(j.get("baseline").get("error_free").asDouble()).isBetween(0.0, 1.0);
        Path tol = tmp.resolve("tol");
        String[] search = {"tolerance", "--data-dir", data.toString(), "--model", fat.resolve("fat.snn").toString(),
            "--format", "int8", "--trials", "2", "--test-images", "20", "--ber-min", "1e-3", "--bisections", "1",
            "--threads", "1", "--out", tol.toString(), "--json"};
        CliRun s = run(search);
        assertThat(s.exit()).as(s.err()).isZero();
        JsonNode k = new ObjectMapper().readTree(s.out());
        assertThat(k.get("network").asText()).isEqualTo("snn N4");
        assertThat(k.get("coarse").get("curve").size()).isGreaterThanOrEqualTo(1);
        assertThat(tol.resolve("points.json")).exists();
        // the old spelling runs the same search (resumed from the folder) and says once what it is called now
        search[3] = "--snn-model";
        CliRun old = run(search);
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(old.err().lines().filter(l -> l.startsWith("undervolt: ")).toList())
                .containsExactly("undervolt: --snn-model is now --model");
        JsonNode same = new ObjectMapper().readTree(old.out());
        ((ObjectNode) k).remove("provenance");
        ((ObjectNode) same).remove("provenance");
        assertThat(same).isEqualTo(k);

        // the checkpoint names the model by its content: the model and the folder moved elsewhere resume from it,
        // every point read back, the same answer
        Path moved = tmp.resolve("elsewhere");
        Files.createDirectories(moved.resolve("tol"));
        Files.copy(fat.resolve("fat.snn"), moved.resolve("m.snn"));
        Files.copy(tol.resolve("points.json"), moved.resolve("tol/points.json"));
        String[] again = search.clone();
        again[3] = "--model";
        again[4] = moved.resolve("m.snn").toString();
        again[again.length - 2] = moved.resolve("tol").toString();
        CliRun m = run(java.util.Arrays.copyOf(again, again.length - 1)); // without --json: the points' lines
        assertThat(m.exit()).as(m.err()).isZero();
        List<String> points = m.err().lines().filter(l -> l.contains(" BER ") && l.contains("lower95")).toList();
        assertThat(points).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith("(from checkpoint)"));
        assertThat(m.out()).contains("tolerable BER (network) " + String.format(java.util.Locale.ROOT, "%.3g",
                k.get("coarse").get("tolerable_ber").asDouble()));
        // a checkpoint written when the identity named the model's path (an earlier build) is taken over too
        Path legacy = moved.resolve("tol/points.json");
        String text = Files.readString(legacy);
        String content = org.undervolt.resilience.ModelIdentity.of(moved.resolve("m.snn"));
        assertThat(text).contains(content);
        Files.writeString(legacy, text.replace(content, moved.resolve("m.snn").toString()));
        CliRun l = run(java.util.Arrays.copyOf(again, again.length - 1));
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(l.err().lines().filter(x -> x.contains(" BER ") && x.contains("lower95")).toList())
                .isEqualTo(points);
    }

    @Test
    void progressLinesWithTimeLeftOnRequestAndNoneWithQuiet(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        String[] retrain = {"retrain", "--data-dir", data.toString(), "--network", "mlp", "--base-epochs", "1",
            "--train-images", "200", "--validation-images", "50", "--epochs", "1", "--ber-start", "1e-3",
            "--profile-images", "100", "--out", tmp.resolve("rt").toString(), "--progress"};
        CliRun r = run(retrain);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("retraining (batches) [####################]").contains("done in");
        String[] tolerance = {"tolerance", "--data-dir", data.toString(), "--model",
            tmp.resolve("rt").resolve("retrained.uvnn").toString(), "--trials", "2", "--test-images", "50",
            "--profile-images", "50", "--ber-min", "1e-4", "--bisections", "1", "--out", tmp.resolve("tol").toString()};
        CliRun quiet = run(java.util.stream.Stream.concat(java.util.Arrays.stream(tolerance), java.util.stream.Stream.of("--quiet"))
                .toArray(String[]::new));
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("(trials) [");
        CliRun shown = run(java.util.stream.Stream.concat(java.util.Arrays.stream(tolerance), java.util.stream.Stream.of("--progress"))
                .toArray(String[]::new));
        assertThat(shown.exit()).as(shown.err()).isZero();
        // the second run finds every point measured: its trials count as done without work
        assertThat(shown.err()).contains("tolerance network (trials) [####################]");
    }

    @Test
    void badInputIsOneLineExitTwoAndNoOutput(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        CliRun r = run("tolerance", "--data-dir", data.toString(), "--model", tmp.resolve("none.uvnn").toString(),
                "--out", tmp.resolve("o1").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(tmp.resolve("o1")).doesNotExist();
        CliRun s = run("tolerance", "--data-dir", data.toString(), "--model", "x", "--ber-min", "0",
                "--out", tmp.resolve("o2").toString());
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("--ber-min 0.0: expected a bit error rate in (0, 1]");
        CliRun u = run("retrain", "--data-dir", data.toString(), "--error-model", "bogus", "--out", tmp.resolve("o3").toString());
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err().strip().lines()).hasSize(1);
        assertThat(tmp.resolve("o3")).doesNotExist();
    }

    @Test
    void retrainReadsNetworkNamesAsTrainDoes(@TempDir Path tmp) {
        // ZooModel's spellings (case, '_' for '-', aliases) pass the name check, so the next option is the one named
        for (String name : new String[] {"MLP", "LeNet5", "resnet-20", "vgg", "SNN"}) {
            CliRun r = run("retrain", "--network", name, "--ber-max", "2", "--out", tmp.resolve(name).toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).as(name).startsWith("undervolt: --ber-max 2.0");
        }
        CliRun bad = run("retrain", "--network", "lenet-6", "--out", tmp.resolve("x").toString());
        assertThat(bad.err().strip()).isEqualTo("undervolt: --network lenet-6: unknown network 'lenet-6'; expected one of "
                + "[mlp, mlp-256, lenet5, vgg-small, resnet20] or snn");
    }
}
