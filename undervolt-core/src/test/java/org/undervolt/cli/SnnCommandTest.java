package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

class SnnCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = UndervoltCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[] {Integer.toString(rc), out.toString(), err.toString()};
    }

    @Test
    void trainThenEvalPrintTheContractedFields() throws Exception {
        Path model = dir.resolve("n8.snn");
        String[] r = run("snn", "train", "--neurons", "8", "--train-images", "12", "--seed", "4", "--out", model.toString(),
                "--test-images", "30", "--threads", "2", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.mapper().readTree(r[1]);
        assertThat(j.get("neurons").asInt()).isEqualTo(8);
        assertThat(j.get("images").asLong()).isEqualTo(12);
        assertThat(j.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("seconds").asDouble()).isPositive();
        assertThat(Files.exists(model)).isTrue();

        String[] e = run("snn", "eval", "--model", model.toString(), "--test-images", "30", "--json");
        assertThat(e[0]).as(e[2]).isEqualTo("0");
        JsonNode k = Json.mapper().readTree(e[1]);
        assertThat(k.get("accuracy").asDouble()).isEqualTo(j.get("accuracy").asDouble());
        assertThat(k.get("images").asInt()).isEqualTo(30);

        String[] f = run("snn", "eval", "--model", model.toString(), "--test-images", "20", "--format", "int8",
                "--error-model", "uniform", "--ber", "0.01", "--trials", "2", "--seed", "3", "--json");
        assertThat(f[0]).as(f[2]).isEqualTo("0");
        JsonNode q = Json.mapper().readTree(f[1]);
        assertThat(q.get("accuracies").size()).isEqualTo(2);
        double mean = (q.get("accuracies").get(0).asDouble() + q.get("accuracies").get(1).asDouble()) / 2;
        assertThat(q.get("accuracy").asDouble()).isEqualTo(mean);
        String[] g = run("snn", "eval", "--model", model.toString(), "--test-images", "20", "--format", "int8",
                "--error-model", "data-dependent:4", "--ber", "0.01", "--trials", "2", "--seed", "3", "--json");
        assertThat(g[0]).as(g[2]).isEqualTo("0");
        assertThat(Json.mapper().readTree(g[1]).get("accuracies")).hasSize(2);
        // the human line: the BER as typed, not %g's 0.000100000; one trial is "1 trial"
        String[] h = run("snn", "eval", "--model", model.toString(), "--test-images", "10", "--format", "int8",
                "--ber", "1e-4");
        assertThat(h[0]).as(h[2]).isEqualTo("0");
        assertThat(h[1]).contains("BER 1e-4, 1 trial;").doesNotContainPattern(HelpExamplesRunTest.RAW_NUMBER.pattern());
    }

    @Test
    void trainingResumesFromItsCheckpointAndRefusesAForeignOne() throws Exception {
        Path model = dir.resolve("r.snn");
        String[] a = run("snn", "train", "--neurons", "6", "--train-images", "8", "--seed", "2", "--out", model.toString(),
                "--test-images", "10", "--label-images", "8", "--threads", "1", "--json");
        assertThat(a[0]).as(a[2]).isEqualTo("0");
        Path cp = dir.resolve("r.snn.ckpt");
        assertThat(Files.exists(cp)).isTrue();
        String[] b = run("snn", "train", "--neurons", "6", "--train-images", "12", "--seed", "2", "--out", model.toString(),
                "--test-images", "10", "--label-images", "8", "--threads", "1", "--json");
        assertThat(b[0]).as(b[2]).isEqualTo("0");
        assertThat(Json.mapper().readTree(b[1]).get("resumed_from").asLong()).isEqualTo(8);
        String[] c = run("snn", "train", "--neurons", "7", "--train-images", "12", "--seed", "2", "--out", model.toString());
        assertThat(c[0]).isEqualTo("2");
        assertThat(c[2]).contains("checkpoint of 6 neurons");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        String[] r = run("snn", "eval", "--model", dir.resolve("missing.snn").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        String[] t = run("snn", "train", "--neurons", "0", "--train-images", "5", "--out", dir.resolve("x.snn").toString());
        assertThat(t[0]).isEqualTo("2");
        assertThat(Files.exists(dir.resolve("x.snn"))).isFalse();
    }
}
