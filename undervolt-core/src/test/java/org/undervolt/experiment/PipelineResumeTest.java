package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStatus;

/** Both pipelines on tiny synthetic data: a run killed after a stage resumes to the uninterrupted result. */
class PipelineResumeTest {
    private static final ImageDataset DATA = SyntheticDatasets.separableBlobs(360, 28, 28, 10, 7);
    private static final ImageDataset TRAIN = DATA.slice(0, 300);
    private static final ImageDataset TEST = DATA.slice(300, 360);

    static PipelineConfig tinyEden() {
        return PipelineConfig.preset("eden", "quick").withSettings(List.of("network=mlp", "base_train_images=240",
                "validation_images=60", "train_images=240", "retrain_epochs=1", "batch=32", "profile_images=60",
                "tolerance_ber_min=1e-4", "tolerance_ber_max=0.1", "bisections=1", "trials=2", "test_images=60",
                "partition_count=4"));
    }

    /** The uniform error path (weak_fraction 1); LocationStorageTest runs the location-aware one. */
    static PipelineConfig tinySparkxd() {
        return PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("neurons=10", "train_images=40",
                "checkpoint_every=20", "label_images=40", "test_images=20", "ber_start=1e-3", "ber_max=1e-2",
                "images_per_step=20", "inject_every=10", "tolerance_ber_min=1e-3", "tolerance_ber_max=0.1", "trials=2",
                "weak_fraction=1"));
    }

    /** A hook that records the stages it sees and throws after {@code killAfter} (null: never). */
    static final class Kill implements Stages.Hook {
        final List<String> ran = new ArrayList<>();
        final String killAfter;

        Kill(String killAfter) {
            this.killAfter = killAfter;
        }

        @Override
        public void afterStage(String name) {
            ran.add(name);
            if (name.equals(killAfter)) {
                throw new IllegalStateException("killed after " + name);
            }
        }
    }

    private static Map<String, Object> comparable(Map<String, Object> summary) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(summary);
        List.of("run_id", "store", "folder", "report").forEach(m::remove);
        return m;
    }

    private static void resumesToSameResult(String kind, PipelineConfig c, String killAfter, List<String> before,
            List<String> after, Path tmp) throws java.io.IOException {
        List<String> log = new ArrayList<>();
        Map<String, Object> straight = new PipelineRun(kind, c, tmp.resolve("a"), null, 1, null).run(TRAIN, TEST, log::add);
        // every long stage ends with its progress line
        for (String job : kind.equals(EdenPipeline.KIND)
                ? List.of("baseline training (epochs)", "retraining (batches)", "tolerance-baseline network (trials)",
                        "tolerance-retrained network (trials)", "tolerance-retrained dense1.weights (trials)")
                : List.of("STDP training (images)", "fault-aware training (images)", "tolerance baseline network (trials)",
                        "tolerance fault-aware network (trials)", "tolerance control network (trials)")) {
            assertThat(log).as(job).anySatisfy(l -> assertThat(l).startsWith(job + " [####################]")
                    .contains("done in"));
        }

        Path store = tmp.resolve("runs.db");
        Kill first = new Kill(killAfter);
        PipelineRun killed = new PipelineRun(kind, c, tmp.resolve("b"), store, 1, first);
        assertThatThrownBy(() -> killed.run(TRAIN, TEST, m -> { })).hasMessageContaining("killed after " + killAfter);
        assertThat(first.ran).isEqualTo(before);

        Kill second = new Kill(null);
        Map<String, Object> resumed = new PipelineRun(kind, c, tmp.resolve("b"), store, 2, second).run(TRAIN, TEST, m -> { });
        assertThat(second.ran).as("stages redone after resume").isEqualTo(after);
        assertThat(comparable(resumed)).isEqualTo(comparable(straight));
        assertThat(Files.readString(tmp.resolve("b/report.html").toAbsolutePath(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<svg").contains("id=\"map\"").contains("id=\"energy-vdd\"").contains("id=\"breakdown\"");
        try (ResultsStore s = ResultsStore.open(store)) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.runs().get(0).status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.curves().names(s.runs().get(0).id())).hasSize(kind.equals(EdenPipeline.KIND) ? 2 : 3);
            assertThat(s.mappings().get(s.runs().get(0).id(), "plan")).isNotEmpty();
            long trials = storedTrials(tmp.resolve("b"));
            assertThat(trials).as("tolerance trials of the run").isGreaterThanOrEqualTo(8);
            assertThat(s.trials().count(s.runs().get(0).id())).as("every trial recorded once").isEqualTo(trials);
            List<org.undervolt.store.TrialRow> rows = new ArrayList<>();
            s.trials().forEach(s.runs().get(0).id(), rows::add);
            assertThat(rows).as("each trial's non-finite count is stored with it")
                    .allSatisfy(r -> assertThat(r.extra()).matches("\\{\"nonfinite\":\\d+\\}"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Trials held in the tolerance point files under a run folder (what the store must count). */
    private static long storedTrials(Path folder) throws java.io.IOException {
        long n = 0;
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("points.json")).toList()) {
                var points = org.undervolt.io.Json.mapper().readTree(f.toFile()).path("points");
                for (var p : points) {
                    n += p.size();
                }
            }
        }
        return n;
    }

    @Test
    void edenKilledAfterRetrainingResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        resumesToSameResult(EdenPipeline.KIND, tinyEden(), "retrain", List.of("model", "retrain"),
                List.of("tolerance-baseline", "tolerance-retrained", "mapping"), tmp);
    }

    @Test
    void sparkxdKilledAfterFaultAwareTrainingResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        resumesToSameResult(SparkxdPipeline.KIND, tinySparkxd(), "fault-aware-training",
                List.of("train", "fault-aware-training"), List.of("tolerance", "fat-vs-control", "fat-vs-control-ber", "placement"), tmp);
    }

    /**
     * A run killed after its training stage and moved elsewhere (the original folder gone) resumes there: the later
     * stages find the trained models in the new place, and the summary equals an uninterrupted run's.
     */
    @Test
    void aMovedRunFolderResumesWhereItIsNow(@TempDir Path tmp) throws Exception {
        for (String kind : List.of(EdenPipeline.KIND, SparkxdPipeline.KIND)) {
            boolean eden = kind.equals(EdenPipeline.KIND);
            PipelineConfig c = eden ? tinyEden() : tinySparkxd();
            Map<String, Object> straight = new PipelineRun(kind, c, tmp.resolve(kind + "-straight"), null, 1, null)
                    .run(TRAIN, TEST, m -> { });
            Path was = tmp.resolve(kind + "-was");
            String killAfter = eden ? "retrain" : "fault-aware-training";
            assertThatThrownBy(() -> new PipelineRun(kind, c, was, null, 1, new Kill(killAfter)).run(TRAIN, TEST,
                    m -> { })).hasMessageContaining("killed after");
            Path now = tmp.resolve(kind + "-now");
            Files.move(was, now);
            Map<String, Object> resumed = new PipelineRun(kind, c, now, null, 1, null).run(TRAIN, TEST, m -> { });
            assertThat(comparable(resumed)).as(kind).isEqualTo(comparable(straight));
        }
    }

    @Test
    void aFolderOfAnotherConfigurationIsRefused(@TempDir Path tmp) {
        new Stages(tmp, tinyEden(), null, m -> { }, null).close();
        PipelineConfig other = tinyEden().withSettings(List.of("seed=2"));
        assertThatThrownBy(() -> new Stages(tmp, other, null, m -> { }, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("other settings");
    }

    /**
     * {@code paired_draws} only refines the paired stage: resuming with another value redoes that stage alone (its
     * result file goes, the others stay, the folder's settings become the new ones); null is left out of the
     * identity, so folders made before the key existed resume; any other change is still another run.
     */
    @Test
    void morePairedDrawsRedoOnlyTheirStage(@TempDir Path tmp) throws Exception {
        PipelineConfig c = tinySparkxd();
        try (Stages s = new Stages(tmp, c, null, m -> { }, null)) {
            s.run("train", () -> new java.util.LinkedHashMap<>(Map.of("x", 1)));
            s.run("fat-vs-control-ber", () -> new java.util.LinkedHashMap<>(Map.of("y", 2)));
        }
        assertThat(Files.readString(tmp.resolve("config.json"))).doesNotContain("paired_draws");
        List<String> log = new ArrayList<>();
        PipelineConfig more = c.withSettings(List.of("paired_draws=9"));
        new Stages(tmp, more, null, log::add, null).close();
        assertThat(tmp.resolve("stages/train.json")).exists();
        assertThat(tmp.resolve("stages/fat-vs-control-ber.json")).doesNotExist();
        assertThat(log).containsExactly("setting paired_draws changed: stage fat-vs-control-ber is redone (its checkpoint "
                + "keeps what still holds); the other stages are reused");
        assertThat(Files.readString(tmp.resolve("config.json")).strip()).isEqualTo(more.canonical())
                .contains("\"paired_draws\":9");
        log.clear();
        new Stages(tmp, more, null, log::add, null).close();
        assertThat(log).as("the same settings again: a plain resume").isEmpty();
        assertThatThrownBy(() -> new Stages(tmp, more.withSettings(List.of("paired_draws=12", "trials=3")), null,
                m -> { }, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("other settings");
        assertThat(Files.readString(tmp.resolve("config.json")).strip()).as("a refused resume changes nothing")
                .isEqualTo(more.canonical());
        assertThat(Stages.redone(c.canonical(), c.canonical())).isEmpty();
        // a new description changes no result: the same run, nothing redone
        log.clear();
        PipelineConfig described = more.withSettings(List.of("description=N10, described anew"));
        new Stages(tmp, described, null, log::add, null).close();
        assertThat(log).containsExactly("setting description changed: it changes no result, nothing is redone");
        assertThat(tmp.resolve("stages/train.json")).exists();
        assertThat(Files.readString(tmp.resolve("config.json")).strip()).isEqualTo(described.canonical());
        assertThatThrownBy(() -> c.withSettings(List.of("paired_draws=1"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("sparkxd setting 'paired_draws' = 1: expected an integer in 2..10000");
    }

    /**
     * A finished run (recorded in a results store) resumed with more paired draws: only the paired stage runs again,
     * the summary differs only in that stage's figures and the settings, and the store holds both runs, finished.
     */
    @Test
    void aFinishedRunTakesMorePairedDraws(@TempDir Path tmp) throws Exception {
        PipelineConfig c = tinySparkxd();
        Path store = tmp.resolve("runs.db");
        Map<String, Object> first = new PipelineRun(SparkxdPipeline.KIND, c, tmp.resolve("r"), store, 1, null)
                .run(TRAIN, TEST, m -> { });
        Kill seen = new Kill(null);
        Map<String, Object> more = new PipelineRun(SparkxdPipeline.KIND, c.withSettings(List.of("paired_draws=3")),
                tmp.resolve("r"), store, 1, seen).run(TRAIN, TEST, m -> { });
        assertThat(seen.ran).containsExactly("fat-vs-control-ber");
        Map<String, Object> a = comparable(first);
        Map<String, Object> b = comparable(more);
        for (Map<String, Object> m : List.of(a, b)) {
            m.keySet().removeIf(k -> k.contains("paired") || k.startsWith("fat_beats_control_ber") || k.equals("config"));
        }
        assertThat(b).isEqualTo(a);
        try (ResultsStore s = ResultsStore.open(store)) {
            assertThat(s.runs()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.FINISHED));
        }
    }

    /**
     * With two threads the fault-aware and control trainings run at once; the networks, and what the stage reports
     * but its seconds, are the same bits as one after the other (the uniform path and the location model).
     */
    @Test
    void faultAwareAndControlTrainingAtOnceGiveTheSameNetworks(@TempDir Path tmp) throws Exception {
        for (String weak : List.of("1", "0.1")) {
            PipelineConfig c = tinySparkxd().withSettings(List.of("weak_fraction=" + weak));
            for (int threads : new int[] {1, 2}) {
                Path dir = tmp.resolve(weak + "-" + threads);
                assertThatThrownBy(() -> new PipelineRun(SparkxdPipeline.KIND, c, dir, null, threads,
                        new Kill("fault-aware-training")).run(TRAIN, TEST, m -> { })).hasMessageContaining("killed after");
            }
            for (String f : List.of("fat.snn", "control.snn")) {
                assertThat(Files.readAllBytes(tmp.resolve(weak + "-2/fault-aware-training/" + f))).as(weak + " " + f)
                        .isEqualTo(Files.readAllBytes(tmp.resolve(weak + "-1/fault-aware-training/" + f)));
            }
            assertThat(withoutSeconds(tmp.resolve(weak + "-2/stages/fault-aware-training.json")))
                    .isEqualTo(withoutSeconds(tmp.resolve(weak + "-1/stages/fault-aware-training.json")));
        }
    }

    private static String withoutSeconds(Path stage) throws java.io.IOException {
        return Files.readString(stage).replaceAll("\"[a-z_]*seconds\" : [0-9.E-]+", "").replaceAll("-[12]/", "/");
    }

    @Test
    void unknownSettingsAndBadValuesAreOneLineOfBadInput() {
        assertThatThrownBy(() -> tinyEden().withSettings(List.of("sede=2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown eden setting 'sede'");
        assertThatThrownBy(() -> PipelineConfig.preset("eden", "nope"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quick");
        // a bad value is refused when the config is made, not when a stage reads it
        assertThatThrownBy(() -> tinyEden().withSettings(List.of("trials=many"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("eden setting 'trials' = many: expected an integer in 2..10000");
    }
}
