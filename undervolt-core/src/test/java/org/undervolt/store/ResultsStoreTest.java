package org.undervolt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ResultsStoreTest {

    private static TrialRow trial(double ber, int t, double acc) {
        return new TrialRow(new TrialKey(PointKeys.ber(ber), t), new long[] {Double.doubleToLongBits(ber), t}, acc);
    }

    @Test
    void newStoreIsAtTheLatestSchemaVersionAndReopensWithoutMigratingAgain(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("sub/dir/u.db");
        try (ResultsStore s = ResultsStore.open(f)) {
            assertThat(s.schemaVersion()).isEqualTo(ResultsStore.latestSchemaVersion()).isEqualTo(2);
        }
        try (ResultsStore s = ResultsStore.open(f)) {
            assertThat(s.schemaVersion()).isEqualTo(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement st = c.createStatement();
                var r = st.executeQuery("SELECT count(*) FROM schema_version")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(2); // one row per migration applied, none twice
        }
    }

    @Test
    void trialsAreIdempotentAndDoneListsExactlyTheFinishedOnes(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{\"a\":1}", 7, "{}");
            assertThat(s.trials().record(run, trial(1e-3, 0, 0.9))).isTrue();
            assertThat(s.trials().record(run, trial(1e-3, 1, 0.8))).isTrue();
            assertThat(s.trials().record(run, trial(1e-3, 0, 0.9))).isFalse();
            assertThat(s.trials().record(run, trial(1e-2, 0, 0.5))).isTrue();
            assertThat(s.trials().count(run)).isEqualTo(3);
            assertThat(s.trials().done(run)).isEqualTo(Set.of(new TrialKey("ber=0.001", 0),
                    new TrialKey("ber=0.001", 1), new TrialKey("ber=0.01", 0)));
            assertThat(s.trials().accuracy(run, new TrialKey("ber=0.001", 1))).isEqualTo(OptionalDouble.of(0.8));
            assertThat(s.trials().accuracy(run, new TrialKey("ber=0.001", 2))).isEmpty();
            // another run's trials are its own
            long other = s.createRun("test", "{\"a\":2}", 7, "{}");
            assertThat(s.trials().done(other)).isEmpty();
        }
    }

    @Test
    void aTrialRecordedAgainWithADifferentAccuracyIsRejected(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{}", 1, "{}");
            s.trials().record(run, trial(1e-3, 0, 0.9));
            assertThatThrownBy(() -> s.trials().record(run, trial(1e-3, 0, 0.91)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deterministic");
            assertThat(s.trials().accuracy(run, new TrialKey("ber=0.001", 0))).isEqualTo(OptionalDouble.of(0.9));
        }
    }

    @Test
    void aTrialRecordedAgainWithOtherDetailsIsRejectedButOneWithoutDetailsIsAccepted(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{}", 1, "{}");
            TrialKey key = new TrialKey("ber=0.001", 0);
            long[] ids = {1, 2, 0};
            assertThat(s.trials().record(run, new TrialRow(key, ids, 0.9, OptionalLong.empty(), "{\"nonfinite\":3}"))).isTrue();
            assertThat(s.trials().record(run, new TrialRow(key, ids, 0.9, OptionalLong.empty(), "{\"nonfinite\":3}"))).isFalse();
            // a record from a build that did not count (no details) is the same trial
            assertThat(s.trials().record(run, new TrialRow(key, ids, 0.9, OptionalLong.empty(), null))).isFalse();
            assertThatThrownBy(() -> s.trials().record(run, new TrialRow(key, ids, 0.9, OptionalLong.empty(), "{\"nonfinite\":4}")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("different details")
                    .hasMessageContaining("not deterministic");
        }
    }

    @Test
    void aBatchIsAllOrNothing(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{}", 1, "{}");
            s.trials().record(run, trial(1e-3, 5, 0.5));
            List<TrialRow> batch = List.of(trial(1e-3, 0, 0.9), trial(1e-3, 1, 0.9), trial(1e-3, 5, 0.6));
            assertThatThrownBy(() -> s.trials().recordAll(run, batch)).isInstanceOf(IllegalStateException.class);
            assertThat(s.trials().count(run)).isEqualTo(1);
            assertThat(s.trials().recordAll(run, List.of(trial(1e-3, 0, 0.9), trial(1e-3, 5, 0.5)))).isEqualTo(1);
            assertThat(s.trials().count(run)).isEqualTo(2);
        }
    }

    @Test
    void streamingGivesRowsBackExactlyInRecordingOrder(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{}", 1, "{}");
            List<TrialRow> in = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                double ber = 1e-5 * (1 + i % 7);
                double acc = Math.nextUp(0.1 * (i % 10)) / 3; // not representable in short decimals
                in.add(new TrialRow(new TrialKey(PointKeys.ber(ber), i), new long[] {i, -i, Long.MIN_VALUE}, acc,
                        i % 2 == 0 ? OptionalLong.of(i * 1000L) : OptionalLong.empty(), i % 3 == 0 ? "{\"i\":" + i + "}"
                                : null));
            }
            s.trials().recordAll(run, in);
            List<TrialRow> out = new ArrayList<>();
            s.trials().forEach(run, out::add);
            assertThat(out).isEqualTo(in);
        }
    }

    @Test
    void runsHaveStatusAndTheNewestUnfinishedRunWithTheSameConfigIsFound(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long a = s.createRun("demo", "{\"x\":1}", 1, "{\"git_revision\":\"abc\"}");
            long b = s.createRun("demo", "{\"x\":1}", 1, "{}");
            long c = s.createRun("demo", "{\"x\":2}", 1, "{}");
            s.setStatus(b, RunStatus.FINISHED, "{\"ok\":true}");
            assertThat(s.latestUnfinished("demo", "{\"x\":1}").orElseThrow().id()).isEqualTo(a);
            assertThat(s.latestUnfinished("demo", "{\"x\":3}")).isEmpty();
            assertThat(s.latestUnfinished("other", "{\"x\":2}")).isEmpty();
            s.setStatus(a, RunStatus.FAILED, null);
            assertThat(s.latestUnfinished("demo", "{\"x\":1}").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            RunRecord rb = s.run(b).orElseThrow();
            assertThat(rb.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(rb.summary()).contains("{\"ok\":true}");
            assertThat(s.run(a).orElseThrow().provenance()).contains("abc");
            assertThat(s.runs()).extracting(RunRecord::id).containsExactly(c, b, a);
            assertThat(s.run(99)).isEmpty();
        }
    }

    @Test
    void curvesMappingsAndEnergyRoundTripAndReplace(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{}", 1, "{}");
            List<CurveRow> curve = List.of(new CurveRow(1e-5, 0.97, 0.96, 0.98, 5, null), CurveRow.of(1e-4, 0.9));
            s.curves().put(run, "accuracy", curve);
            assertThat(s.curves().get(run, "accuracy")).isEqualTo(curve);
            s.curves().put(run, "accuracy", List.of(CurveRow.of(1, 2)));
            assertThat(s.curves().get(run, "accuracy")).containsExactly(CurveRow.of(1, 2));
            s.curves().put(run, "energy_vs_vdd", List.of(CurveRow.of(1.2, 3e-3)));
            assertThat(s.curves().names(run)).containsExactly("accuracy", "energy_vs_vdd");

            s.mappings().put(run, "partition", List.of(new MappingRow("fc1/weights", "vdd=1.10", null),
                    new MappingRow("fc1/ifm", "vdd=1.20", "{\"ber\":1e-6}")));
            assertThat(s.mappings().get(run, "partition")).extracting(MappingRow::item)
                    .containsExactly("fc1/weights", "fc1/ifm");

            s.energy().put(run, new EnergyRow("nominal", 1.2, Double.NaN, 2e-3, null));
            s.energy().put(run, new EnergyRow("chosen", 1.0, 12.5, 1.5e-3, "{}"));
            s.energy().put(run, new EnergyRow("nominal", 1.2, Double.NaN, 2.5e-3, null));
            assertThat(s.energy().get(run)).containsExactly(new EnergyRow("nominal", 1.2, Double.NaN, 2.5e-3, null),
                    new EnergyRow("chosen", 1.0, 12.5, 1.5e-3, "{}"));
        }
    }

    @Test
    void exportsAreValidJsonAndCsvWithExactValues(@TempDir Path tmp) throws Exception {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("test", "{\"b\":[1,2]}", 42, "{\"git_revision\":\"abc\"}");
            double odd = 0.1 + 0.2;
            s.trials().record(run, new TrialRow(new TrialKey("layer=a,b;ber=0.1", 0), new long[] {3, 4}, odd,
                    OptionalLong.of(17), "{\"note\":\"x\"}"));
            s.curves().put(run, "accuracy", List.of(new CurveRow(0.1, odd, 0.2, 0.4, 1, null)));
            s.energy().put(run, new EnergyRow("nominal", 1.2, Double.NaN, 2e-3, null));
            s.setStatus(run, RunStatus.FINISHED, "{\"tolerable_ber\":1e-4}");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new RunExport(s, run).writeJson(bytes);
            JsonNode j = new ObjectMapper().readTree(bytes.toByteArray());
            assertThat(j.at("/run/kind").asText()).isEqualTo("test");
            assertThat(j.at("/run/status").asText()).isEqualTo("finished");
            assertThat(j.at("/run/config/b/1").asInt()).isEqualTo(2);
            assertThat(j.at("/run/summary/tolerable_ber").asDouble()).isEqualTo(1e-4);
            assertThat(j.at("/trials/0/accuracy").asDouble()).isEqualTo(odd);
            assertThat(j.at("/trials/0/flips").asLong()).isEqualTo(17);
            assertThat(j.at("/trials/0/seed_ids/1").asLong()).isEqualTo(4);
            assertThat(j.at("/curves/accuracy/0/y_high").asDouble()).isEqualTo(0.4);
            assertThat(j.at("/energy/0/trcd_ns").isMissingNode()).isTrue();

            StringWriter csv = new StringWriter();
            new RunExport(s, run).writeCsv(RunExport.Table.TRIALS, csv);
            assertThat(csv.toString()).isEqualTo("run_id,point,trial,seed_ids,accuracy,flips,extra\n"
                    + run + ",\"layer=a,b;ber=0.1\",0,\"[3,4]\",0.30000000000000004,17,\"{\"\"note\"\":\"\"x\"\"}\"\n");
            StringWriter energy = new StringWriter();
            new RunExport(s, run).writeCsv(RunExport.Table.ENERGY, energy);
            assertThat(energy.toString()).isEqualTo("run_id,label,vdd,trcd_ns,energy_j,extra\n" + run
                    + ",nominal,1.2,,0.002,\n");
            assertThatThrownBy(() -> new RunExport(s, 99)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("run 99");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsBadInputAndLeftUntouched(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("notes.db");
        Files.writeString(f, "these are my notes, not a database\n".repeat(200));
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> ResultsStore.open(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f.toString()).hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThatThrownBy(() -> ResultsStore.open(tmp)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void anotherProgramsDatabaseAndANewerSchemaAreRefused(@TempDir Path tmp) throws Exception {
        Path foreign = tmp.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INTEGER)");
        }
        assertThatThrownBy(() -> ResultsStore.open(foreign)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another program");

        Path newer = tmp.resolve("newer.db");
        ResultsStore.open(newer).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (99, 'future')");
        }
        assertThatThrownBy(() -> ResultsStore.open(newer)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schema version 99");
    }
}
