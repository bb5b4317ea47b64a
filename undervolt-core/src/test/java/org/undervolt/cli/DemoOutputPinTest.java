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
import org.undervolt.io.SetAside;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunRecord;

/**
 * What {@code demo} prints and writes, pinned to the byte on tiny data: {@code --json} (equal to result.json), the
 * run's identity and summary in the results store, and the report's provenance table; what varies between runs and
 * machines set aside (provenance, seconds, the temporary folder).
 */
class DemoOutputPinTest {

    @Test
    void demoJsonStoreAndReport(@TempDir Path tmp) throws Exception {
        Path data = TinyIdx.write(tmp.resolve("data"), 400, 300, 8, 3, 3);
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("u.db");
        CliRun r = CliRun.of("demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
                "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--out",
                out.toString(), "--store", db.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("result.json"))).isEqualTo(r.out());
        Map<String, Object> printed = read(r.out());
        assertThat(Json.write(printed) + "\n").isEqualTo(r.out());
        JsonPins.assertPinned("demo-command", SetAside.of(printed, tmp));
        RunRecord run;
        try (ResultsStore store = ResultsStore.open(db)) {
            run = store.run(1).orElseThrow();
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("config", run.config().replace(tmp.toString(), "TMP"));
        stored.put("summary", SetAside.of(read(run.summary().orElseThrow()), tmp));
        JsonPins.assertPinned("demo-stored", stored);
        JsonPins.assertPinned("demo-report-provenance", SetAside.provenanceRows(
                Files.readString(out.resolve("report.html")), tmp));

        // the human output of the same run, reused from the store (its trials are not drawn again)
        CliRun text = CliRun.of("demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
                "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--out",
                tmp.resolve("out2").toString(), "--store", db.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        JsonPins.assertPinned("demo-command-text", text.out().replace(tmp.toString(), "TMP").lines().toList());
        assertThat(tmp.resolve("out2").resolve("result.json")).exists();
        assertThat(tmp.resolve("out2").resolve("report.html")).exists();
        assertThat(tmp.resolve("out2").resolve("accuracy_vs_ber.png")).exists();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) throws Exception {
        return Json.mapper().readValue(json, LinkedHashMap.class);
    }
}
