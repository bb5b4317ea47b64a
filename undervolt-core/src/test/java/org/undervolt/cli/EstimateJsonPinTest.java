package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;

/**
 * {@code eden --estimate --json} and {@code sparkxd --estimate --json} pinned to the byte (keys, order, the stages
 * left, the BERs the unit costs were timed at, the fine search's targets), with every measured second and the
 * calibration's basis (when, where, measured now or read from the cache) set aside.
 */
class EstimateJsonPinTest {

    @Test
    void edenAndSparkxdEstimates(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("data"), 260, 200, 28, 10, 5);
        pin("estimate-eden", CliRun.of("eden", "--quick", "--set", "data_dir=" + data, "--set", "network=mlp",
                "--set", "base_train_images=100", "--set", "validation_images=40", "--set", "train_images=100",
                "--set", "profile_images=40", "--set", "test_images=40", "--set", "trials=2", "--threads", "1",
                "--out", tmp.resolve("e").toString(), "--no-store", "--estimate", "--json"));
        pin("estimate-sparkxd", CliRun.of("sparkxd", "--quick", "--set", "data_dir=" + data, "--set", "neurons=8",
                "--set", "train_images=30", "--set", "label_images=30", "--set", "test_images=20", "--set", "trials=2",
                "--threads", "1", "--out", tmp.resolve("s").toString(), "--no-store", "--estimate", "--json"));
    }

    private static void pin(String name, CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.mapper().readValue(r.out(), LinkedHashMap.class);
        assertThat(r.out().strip()).isIn(Json.compact(j), Json.write(j));
        JsonPins.assertPinned(name, setAside(j, null));
    }

    /** Every number held under a key ending in {@code _s} (seconds), or in its list, set aside. */
    @SuppressWarnings("unchecked")
    private static Object setAside(Object v, String key) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, setAside(x, k)));
            return out;
        }
        boolean seconds = key != null && (key.endsWith("_s") || key.equals("s"));
        if (v instanceof List<?> list) {
            return list.stream().map(x -> setAside(x, key)).toList();
        }
        if ("basis".equals(key)) { // when and where the unit costs were measured, or read from the cache
            return "set aside";
        }
        return seconds && v instanceof Number ? "set aside" : v;
    }
}
