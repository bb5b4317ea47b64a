package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;

/**
 * {@code retrain --json} (a DNN's retrain.json, an SNN's fat.json) and {@code tolerance --json} of an SNN (with and
 * without a measured device's weak subarrays) pinned to the byte, with what varies between runs and machines set
 * aside (provenance, seconds, the temporary folder); each is the same object as the file the run writes.
 */
class ResilienceJsonPinTest {
    private static final Set<String> VARYING = Set.of("provenance", "seconds", "fat_seconds", "control_seconds");

    @Test
    void dnnRetrain(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 400, 300, 28, 3, 3);
        Path out = tmp.resolve("rt");
        CliRun r = CliRun.of("retrain", "--data-dir", data.toString(), "--network", "mlp", "--base-epochs", "1",
                "--train-images", "200", "--validation-images", "50", "--epochs", "2", "--ber-start", "1e-3",
                "--profile-images", "100", "--threads", "1", "--out", out.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        pin("retrain-dnn", r.out(), out.resolve("retrain.json"), tmp);
    }

    @Test
    void snnRetrainThenTolerance(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("d"), 400, 300, 28, 3, 3);
        Path base = tmp.resolve("base.snn");
        CliRun t = CliRun.of("snn", "train", "--data-dir", data.toString(), "--neurons", "4", "--train-images", "20",
                "--test-images", "20", "--label-images", "20", "--threads", "1", "--out", base.toString(), "--json");
        assertThat(t.exit()).as(t.err()).isZero();
        Path fat = tmp.resolve("fat");
        CliRun f = CliRun.of("retrain", "--data-dir", data.toString(), "--model", base.toString(),
                "--format", "int8", "--ber-start", "1e-3", "--ber-factor", "10", "--ber-max", "1e-2",
                "--images-per-step", "5", "--inject-every", "2", "--eval-ber", "1e-3,1e-2", "--trials", "2",
                "--label-images", "20", "--test-images", "20", "--threads", "1", "--out", fat.toString(), "--json");
        assertThat(f.exit()).as(f.err()).isZero();
        pin("retrain-snn", f.out(), fat.resolve("fat.json"), tmp);

        Path tol = tmp.resolve("tol");
        CliRun s = CliRun.of("tolerance", "--data-dir", data.toString(), "--model", fat.resolve("fat.snn").toString(),
                "--format", "int8", "--trials", "2", "--test-images", "20", "--ber-min", "1e-3", "--bisections", "1",
                "--threads", "1", "--out", tol.toString(), "--json");
        assertThat(s.exit()).as(s.err()).isZero();
        pin("tolerance-snn", s.out(), tol.resolve("tolerance.json"), tmp);

        Path loc = tmp.resolve("loc");
        CliRun l = CliRun.of("tolerance", "--data-dir", data.toString(), "--model", fat.resolve("fat.snn").toString(),
                "--format", "int8", "--trials", "2", "--test-images", "20", "--bisections", "1", "--threads", "1",
                "--location-device", "voltron:A4", "--out", loc.toString(), "--json");
        assertThat(l.exit()).as(l.err()).isZero();
        pin("tolerance-snn-location", l.out(), loc.resolve("tolerance.json"), tmp);
    }

    /** Checks that {@code printed} is the file's text and as Json.write writes it, then pins it with the varying parts set aside. */
    private static void pin(String name, String printed, Path file, Path tmp) throws Exception {
        assertThat(Files.readString(file)).isEqualTo(printed);
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.mapper().readValue(printed, LinkedHashMap.class);
        assertThat(Json.write(j) + "\n").isEqualTo(printed);
        JsonPins.assertPinned(name, setAside(j, tmp.toString()));
    }

    @SuppressWarnings("unchecked")
    private static Object setAside(Object v, String tmp) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, VARYING.contains(k) ? "set aside" : setAside(x, tmp)));
            return out;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(x -> setAside(x, tmp)).toList();
        }
        return v instanceof String s ? s.replace(tmp, "TMP") : v;
    }
}
