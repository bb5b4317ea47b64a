package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DemoCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path tinyData(Path dir) {
        return TinyIdx.write(dir, 400, 300, 8, 3, 3);
    }

    @Test
    void jsonModePrintsOneObjectAndWritesTheSameFileAndAPlot(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        CliRun r = run("demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
                "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--out",
                out.toString(), "--store", tmp.resolve("u.db").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(r.out());
        JsonNode saved = new ObjectMapper().readTree(Files.readString(out.resolve("result.json")));
        assertThat(printed).isEqualTo(saved);
        assertThat(printed.get("curve")).hasSize(3);
        assertThat(printed.get("curve").get(0).get("trials").asInt()).isEqualTo(2);
        assertThat(printed.get("vdd_nominal").asDouble()).isEqualTo(1.2);
        // keys named as the options (--part, --energy-law), snake_case throughout
        assertThat(printed.at("/dram/part").asText()).isEqualTo("LPDDR3-1600_4Gb_x32");
        assertThat(printed.at("/dram/energy_law").asText()).isEqualTo("quadratic");
        assertThat(printed.at("/config/part").asText()).isEqualTo("LPDDR3-1600_4Gb_x32");
        assertThat(printed.at("/config/energy_law").asText()).isEqualTo("quadratic");
        assertThat(printed.toString()).doesNotContain("\"preset\"").doesNotContain("voltage_scaling");
        assertThat(JsonKeysTest.camelCaseKeys(printed)).isEmpty();
        assertThat(printed.get("provenance").get("git_revision").asText()).isNotEmpty();
        assertThat(Files.size(out.resolve("accuracy_vs_ber.png"))).isGreaterThan(1000);
        assertThat(printed.get("run_id").asLong()).isEqualTo(1);
        assertThat(printed.get("reused_trials").asInt()).isZero();
        assertThat(printed.get("network").asText()).isEqualTo("custom mlp, hidden 12"); // --hidden 12: not a zoo network
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("Undervolt demo — run 1").contains("data-points=\"3\"")
                .contains(printed.at("/provenance/git_revision").asText());

        // the same command again: run 1 finished with this configuration, so it is reused, every trial from the store
        CliRun again = run("demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
                "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--out",
                tmp.resolve("out2").toString(), "--store", tmp.resolve("u.db").toString(), "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode reused = again.json();
        assertThat(reused.get("run_id").asLong()).isEqualTo(1);
        assertThat(reused.get("reused_trials").asInt()).isEqualTo(6);
        assertThat(reused.get("curve")).isEqualTo(printed.get("curve"));
        assertThat(reused.get("tolerable_ber")).isEqualTo(printed.get("tolerable_ber"));

        // --new-run forces a fresh run; runs list shows both
        CliRun fresh = run("demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
                "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--out",
                tmp.resolve("out3").toString(), "--store", tmp.resolve("u.db").toString(), "--new-run");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("recorded as run 2 in " + tmp.resolve("u.db"));
        assertThat(run("runs", "list", "--store", tmp.resolve("u.db").toString()).out().lines()).hasSize(3);
    }

    @Test
    void storeOptionsThatContradictAreBadInputAndCreateNothing(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path db = tmp.resolve("u.db");
        for (String[] extra : new String[][] {{"--no-store", "--store", db.toString()},
                {"--resume", "1", "--new-run", "--store", db.toString()},
                {"--resume", "1", "--store", db.toString()},
                {"--ber-min", "0", "--store", db.toString()}}) {
            String[] args = new String[extra.length + 6];
            System.arraycopy(new String[] {"demo", "--data-dir", data.toString(), "--no-cache", "--out",
                    tmp.resolve("out").toString()}, 0, args, 0, 6);
            System.arraycopy(extra, 0, args, 6, extra.length);
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", extra) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(db).doesNotExist();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void badBerRangeIsOneLineExitTwoAndNoOutput(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        CliRun r = run("demo", "--data-dir", data.toString(), "--ber-min", "0", "--no-cache", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--ber-min 0.0: expected a bit error rate in (0, 1]");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingDataDirectoryIsOneLineExitTwo(@TempDir Path tmp) {
        CliRun r = run("demo", "--data-dir", tmp.resolve("nope").toString(), "--no-cache", "--out",
                tmp.resolve("out").toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void unknownPartNamesTheKnownOnes(@TempDir Path tmp) throws Exception {
        Path data = tinyData(tmp.resolve("data"));
        CliRun r = run("demo", "--data-dir", data.toString(), "--part", "DDR9", "--no-cache", "--out",
                tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("DDR9").contains("LPDDR3-1600_4Gb_x32");
    }

    @Test
    void progressLinesOnlyWhenForcedAndNotQuiet(@TempDir Path tmp) {
        Path data = tinyData(tmp.resolve("data"));
        String[] args = {"demo", "--data-dir", data.toString(), "--hidden", "12", "--epochs", "2", "--trials", "2",
            "--ber-min", "1e-3", "--ber-max", "1e-1", "--points-per-decade", "1", "--no-cache", "--no-store"};
        CliRun shown = run(concat(args, "--out", tmp.resolve("a").toString(), "--progress"));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.err()).contains("training [####################] 2/2  done in").contains("sweep [");
        CliRun quiet = run(concat(args, "--out", tmp.resolve("b").toString(), "--progress", "--quiet"));
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).isEmpty();
        CliRun plain = run(concat(args, "--out", tmp.resolve("c").toString())); // stderr is no terminal here
        assertThat(plain.exit()).isZero();
        assertThat(plain.err()).isEmpty();
        HumanOutputTest.assertWords(plain); // e.g. "limited by data-floor 4", not Java's {data-floor=4}
        assertThat(plain.out()).containsPattern("limited by (data-floor|tolerance) [0-9]+");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
