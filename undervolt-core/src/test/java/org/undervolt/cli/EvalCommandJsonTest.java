package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.JsonPins;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code eval --json} pinned to the byte (keys, order, numbers) in its three shapes; the time and the folder set aside. */
class EvalCommandJsonTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() {
        data = TinyIdx.write(tmp.resolve("d"), 120, 100, 8, 3, 7);
        model = tmp.resolve("m.uvnn");
        CliRun t = CliRun.of("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "1", "--threads", "1",
                "--out", model.toString());
        assertThat(t.exit()).as(t.err()).isZero();
    }

    private static Map<String, Object> eval(String... extra) throws Exception {
        String[] base = {"eval", "--model", model.toString(), "--data-dir", data.toString(), "--threads", "1", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = new ObjectMapper().readValue(r.out(), LinkedHashMap.class);
        assertThat((Double) j.get("seconds")).isNotNegative();
        j.put("seconds", 1.0);
        j.replaceAll((k, v) -> v instanceof String s ? s.replace(tmp.toString(), "TMP") : v);
        return j;
    }

    @Test
    void asTrained() throws Exception {
        JsonPins.assertPinned("eval-as-trained", eval());
    }

    @Test
    void humanLineWithErrors() {
        CliRun r = CliRun.of("eval", "--model", model.toString(), "--data-dir", data.toString(), "--threads", "1",
                "--format", "q3.4", "--ber", "0.01", "--trials", "3", "--seed", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().replace(tmp.toString(), "TMP"))
                .isEqualTo("accuracy 0.1333 on 20 images of TMP/d/test (q3.4, BER 0.01, 3 trials)\n");
    }

    @Test
    void int8Datapath() throws Exception {
        JsonPins.assertPinned("eval-int8-datapath", eval("--datapath", "int8"));
    }

    @Test
    void storedWithoutErrors() throws Exception {
        JsonPins.assertPinned("eval-stored", eval("--format", "int8"));
    }

    @Test
    void storedWithErrors() throws Exception {
        JsonPins.assertPinned("eval-trials", eval("--format", "q3.4", "--error-model", "uniform", "--ber", "0.01",
                "--trials", "3", "--seed", "5"));
    }
}
