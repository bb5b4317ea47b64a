package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.experiment.DatasetRef;
import org.undervolt.experiment.LocalSweepRunner;
import org.undervolt.experiment.SweepResults;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepSpecReader;
import org.undervolt.experiment.TrialOutcome;
import org.undervolt.data.Split;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.store.ResultsStore;

import com.fasterxml.jackson.databind.JsonNode;

class SweepCommandTest {

    private static Path specFile(Path dir) throws Exception {
        return specFile(dir, "\"bers\":[0, 0.1],\"trials\":3,\"seeds\":[5, 6]");
    }

    private static Path specFile(Path dir, String tail) throws Exception {
        Sequential m = Mlp.create(new int[] {64, 16, 4}, 3);
        new Trainer(TrainConfig.defaults(20, 3)).train(m, new DatasetRef("synthetic:120:8x8:4:7").load(Split.TRAIN),
                (e, l, s) -> { });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Checkpoint.write(m, Map.of(), bytes);
        Files.write(dir.resolve("mlp.uvnn"), bytes.toByteArray());
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"mlp.uvnn\"}],"
                + "\"dataset\":\"synthetic:120:8x8:4:7\",\"test_images\":120,\"profile_images\":60,"
                + "\"error_models\":[\"uniform\"]," + tail + "}");
        return f;
    }

    @Test
    void sweepRecordsEveryTrialAndResumesAPartialRun(@TempDir Path dir) throws Exception {
        Path f = specFile(dir);
        SweepSpec spec = SweepSpecReader.read(f);
        List<TrialOutcome> want = new LocalSweepRunner(1).run(spec);
        Path db = dir.resolve("runs/r.db");
        try (ResultsStore store = ResultsStore.open(db)) { // an earlier run that stopped after 5 trials
            SweepResults.record(store, SweepResults.createRun(store, spec), want.subList(0, 5));
        }
        CliRun r = CliRun.of("sweep", f.toString(), "--store", db.toString(), "--threads", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("resumed").asBoolean()).isTrue();
        assertThat(j.get("skipped").asInt()).isEqualTo(5);
        assertThat(j.get("evaluated").asInt()).isEqualTo(7);
        assertThat(j.get("finished").asBoolean()).isTrue();
        JsonNode points = j.get("points");
        assertThat(points).hasSize(4);
        JsonNode last = points.get(3);
        assertThat(last.get("point").asText()).isEqualTo("network=mlp;error_model=uniform;ber=0.1;seed=6");
        assertThat(last.get("trials").asInt()).isEqualTo(3);
        double mean = want.subList(9, 12).stream().mapToDouble(TrialOutcome::accuracy).average().orElseThrow();
        assertThat(last.get("mean").asDouble()).isEqualTo(mean);
        assertThat(points.get(0).get("mean").asDouble()).isGreaterThan(0.9); // clean
        assertThat(mean).isLessThan(points.get(0).get("mean").asDouble());
        // int8 weights cannot turn non-finite; every trial, resumed or not, holds its count.
        assertThat(last.get("nonfinite").asLong()).isZero();
        assertThat(last.get("counted_trials").asInt()).isEqualTo(3);
        assertThat(j.get("nonfinite_counts").asText()).contains("NaN");

        CliRun human = CliRun.of("sweep", f.toString(), "--store", db.toString(), "--threads", "1", "--progress");
        assertThat(human.exit()).isZero();
        assertThat(human.out()).contains("network=mlp;error_model=uniform;ber=0;seed=5")
                .doesNotContainPattern(HelpExamplesRunTest.RAW_NUMBER.pattern()).contains("12 trials evaluated");
        assertThat(human.err()).contains("sweep (trials) [####################] 12/12").contains("done in");
    }

    @Test
    void fp32ExponentFlipsAreCountedPerPoint(@TempDir Path dir) throws Exception {
        Path f = specFile(dir, "\"bers\":[0, 0.05],\"trials\":2,\"seed\":11,\"weight_format\":\"fp32\"");
        List<TrialOutcome> want = new LocalSweepRunner(1).run(SweepSpecReader.read(f));
        CliRun r = CliRun.of("sweep", f.toString(), "--store", dir.resolve("r.db").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode points = r.json().get("points");
        assertThat(points.get(0).get("nonfinite").asLong()).isZero();
        JsonNode high = points.get(1);
        assertThat(high.get("point").asText()).isEqualTo("network=mlp;error_model=uniform;ber=0.05");
        long total = want.get(2).nonfinite() + want.get(3).nonfinite();
        assertThat(total).isPositive();
        assertThat(high.get("nonfinite").asLong()).isEqualTo(total);
        assertThat(high.get("nonfinite_trials").asInt()).isEqualTo((int) want.subList(2, 4).stream()
                .filter(o -> o.nonfinite() > 0).count());
        assertThat(high.get("mean").asDouble()).isEqualTo((want.get(2).accuracy() + want.get(3).accuracy()) / 2);
    }

    @Test
    void badSpecIsOneLineAndNoStore(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"networks\":[{\"name\":\"mlp\",\"checkpoint\":\"missing.uvnn\"}]}");
        CliRun r = CliRun.of("sweep", f.toString(), "--store", dir.resolve("r.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("missing.uvnn").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("r.db"))).isFalse();
    }
}
