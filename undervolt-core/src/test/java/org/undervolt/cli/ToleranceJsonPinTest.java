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
 * {@code tolerance --json} of a DNN (coarse and fine searches, the fine combination) pinned to the byte, with what
 * varies between runs and machines set aside (provenance, times, the temporary folder); tolerance.json is the same
 * object.
 */
class ToleranceJsonPinTest {

    @Test
    void dnnToleranceWithFineSearch(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 300, 100, 8, 3, 7);
        Path model = tmp.resolve("m.uvnn");
        CliRun t = CliRun.of("train", "--network", "mlp", "--data-dir", data.toString(), "--epochs", "1", "--threads", "1",
                "--out", model.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        Path out = tmp.resolve("tol");
        CliRun r = CliRun.of("tolerance", "--data-dir", data.toString(), "--model", model.toString(), "--fine", "--trials", "2",
                "--test-images", "50", "--profile-images", "50", "--ber-min", "1e-4", "--bisections", "1", "--threads", "1",
                "--out", out.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("tolerance.json"))).isEqualTo(r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.mapper().readValue(r.out(), LinkedHashMap.class);
        assertThat(Json.write(j) + "\n").isEqualTo(r.out());
        j.put("provenance", "set aside");
        j.replaceAll((k, v) -> v instanceof String s ? s.replace(tmp.toString(), "TMP") : v);
        JsonPins.assertPinned("tolerance-dnn", j);
    }
}
