package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.store.CurveRow;
import org.undervolt.store.EnergyRow;
import org.undervolt.store.PointKeys;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunsCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Two runs: 1 finished with 4 trials, a curve and energy; 2 unfinished with none. */
    private static Path store(Path tmp) {
        Path f = tmp.resolve("u.db");
        try (ResultsStore s = ResultsStore.open(f)) {
            long id = s.createRun("demo", "{\"seed\":5,\"trials\":2,\"preset\":\"DDR4-2400_4Gb_x8\",\"scaling\":\"linear\",\"delta\":0.30000000000000004,\"bers\":[1.0E-4,0.001]}", 5, "{\"git_revision\":\"abc\"}");
            for (double ber : new double[] {1e-4, 1e-3}) {
                for (int t = 0; t < 2; t++) {
                    s.trials().record(id, new TrialRow(new TrialKey(PointKeys.ber(ber), t), new long[] {t}, 0.9 - t / 10.0));
                }
            }
            s.curves().put(id, "accuracy_vs_ber", List.of(new CurveRow(1e-4, 0.85, 0.8, 0.9, 2, null),
                    new CurveRow(1e-3, 0.85, 0.8, 0.9, 2, null)));
            s.energy().put(id, new EnergyRow("nominal", 1.2, Double.NaN, 4e-3, null));
            s.setStatus(id, RunStatus.FINISHED, "{\"tolerable_ber\":0.001,\"curve\":[]}");
            s.createRun("demo", "{\"seed\":6}", 6, "{}");
        }
        return f;
    }

    @Test
    void listShowsEveryRunNewestFirst(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        CliRun r = run("runs", "list", "--store", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("\\s+2\\s+demo\\s+running\\s+0\\s+\\S+\\s+6\\s+—\\s+—");
        // no folder: its 4 trials are in the store, and the line says how to get them (a run without trials shows —)
        assertThat(lines.get(2)).matches("\\s+1\\s+demo\\s+finished\\s+4\\s+\\S+\\s+5\\s+BER 1.00e-03\\s+"
                + "in the store: undervolt runs export 1 --as csv");

        JsonNode j = new ObjectMapper().readTree(run("runs", "list", "--store", db.toString(), "--json").out());
        assertThat(j.get("runs")).hasSize(2);
        assertThat(j.at("/runs/1/trials").asInt()).isEqualTo(4);
    }

    @Test
    void showGivesProgressResultAndProvenance(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        CliRun r = run("runs", "show", "1", "--store", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("run 1  demo  finished").contains("trials     4 at 2 points")
                .contains("curve      accuracy_vs_ber (2 points)").contains("result     tolerable_ber = 0.001")
                .contains("provenance git_revision = abc").doesNotContain("curve = ")
                // stored under the old key name, shown with today's; numbers as a person reads them, text unquoted
                .contains("config     part = DDR4-2400_4Gb_x8").contains("config     delta = 0.3")
                .contains("config     energy_law = linear").contains("config     bers = [1e-4, 0.001]")
                .doesNotContainPattern(HelpExamplesRunTest.RAW_NUMBER.pattern());
        JsonNode j = new ObjectMapper().readTree(run("runs", "show", "1", "--store", db.toString(), "--json").out());
        assertThat(j.get("points").asInt()).isEqualTo(2);
        assertThat(j.at("/config/trials").asInt()).isEqualTo(2);
        assertThat(j.at("/energy/0/energy_j").asDouble()).isEqualTo(4e-3);
    }

    @Test
    void showJsonIsPinnedWithTheTimesSetAside(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        for (String id : new String[] {"1", "2"}) {
            CliRun r = run("runs", "show", id, "--store", db.toString(), "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> j = new ObjectMapper().readValue(r.out(), java.util.LinkedHashMap.class);
            assertThat(org.undervolt.io.Json.write(j) + "\n").isEqualTo(r.out());
            j.put("created_at", "T0"); // what varies between runs: the times
            j.put("updated_at", "T1");
            org.undervolt.io.JsonPins.assertPinned("runs-show-" + id, j);
        }
    }

    @Test
    void listJsonIsPinnedWithTheTimesSetAside(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        CliRun r = run("runs", "list", "--store", db.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = r.out().replace(tmp.toString(), "TMP");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> j = new ObjectMapper().readValue(text, java.util.LinkedHashMap.class);
        assertThat(org.undervolt.io.Json.write(j) + "\n").isEqualTo(text);
        for (Object o : (List<?>) j.get("runs")) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> run = (java.util.Map<String, Object>) o;
            run.put("created_at", "T0"); // what varies between runs: the times
            run.put("updated_at", "T1");
        }
        org.undervolt.io.JsonPins.assertPinned("runs-list", j);
    }

    @Test
    void exportWritesCsvAndJsonToStdoutOrAFile(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        CliRun csv = run("runs", "export", "1", "--as", "csv", "--store", db.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo("run_id,point,trial,seed_ids,accuracy,flips,extra\n"
                + "1,ber=1.0E-4,0,[0],0.9,,\n1,ber=1.0E-4,1,[1],0.8,,\n"
                + "1,ber=0.001,0,[0],0.9,,\n1,ber=0.001,1,[1],0.8,,\n");

        Path out = tmp.resolve("exports/run1.json");
        CliRun json = run("runs", "export", "1", "--as", "json", "--out", out.toString(), "--store", db.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("trials")).hasSize(4);
        assertThat(j.at("/run/provenance/git_revision").asText()).isEqualTo("abc");
        // stored under the identity's old key names (preset, scaling), exported under today's, in their order
        assertThat(j.at("/run/config").fieldNames()).toIterable()
                .containsExactly("seed", "trials", "part", "energy_law", "delta", "bers");
        assertThat(j.at("/curves/accuracy_vs_ber")).hasSize(2);

        CliRun curves = run("runs", "export", "1", "--as", "csv", "--table", "curves", "--store", db.toString());
        assertThat(curves.out().lines()).hasSize(3).first().isEqualTo("run_id,curve,idx,x,y,y_low,y_high,n,extra");
    }

    @Test
    void theOldFormatSpellingOfAsStillRunsWithOneNote(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        CliRun old = run("runs", "export", "1", "--format", "csv", "--store", db.toString());
        CliRun now = run("runs", "export", "1", "--as", "csv", "--store", db.toString());
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(old.out()).isEqualTo(now.out());
        assertThat(old.err().strip().lines()).containsExactly(
                "note: runs export --format is now --as (--format names a storage format elsewhere)");
        assertThat(now.err()).isEmpty();
        CliRun none = run("runs", "export", "1", "--store", db.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required option: '--as=csv|json'");
    }

    @Test
    void badRequestsAreOneLineExitTwoAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path db = store(tmp);
        Path out = tmp.resolve("x.csv");
        for (String[] args : new String[][] {
                {"runs", "show", "9", "--store", db.toString()},
                {"runs", "export", "9", "--as", "csv", "--out", out.toString(), "--store", db.toString()},
                {"runs", "export", "1", "--as", "xml", "--out", out.toString(), "--store", db.toString()},
                {"runs", "export", "1", "--as", "csv", "--table", "nope", "--out", out.toString(), "--store",
                        db.toString()},
                {"runs", "list", "--store", tmp.resolve("missing.db").toString()}}) {
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("missing.db")).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("u.db"));
        }
    }
}
