package org.undervolt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.experiment.DatasetRef;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.SetupSpec;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.resilience.TrialExecutors;
import org.undervolt.storage.Formats;

/**
 * {@code tolerance --spark local[2]}: the trials run as Spark tasks, found through the core's ServiceLoader
 * seam, and the analysis stores exactly the local runner's points (the point file byte for byte) and finds
 * the same tolerable BERs: a DNN with weights and IFMs stored (coarse, fine, combination) in both evaluation
 * modes, the sequential one over several looks; and a spiking network.
 */
class SparkToleranceTest {
    @TempDir
    static Path dir;
    static TrialExecutor spark;

    @BeforeAll
    static void start() {
        spark = TrialExecutors.open("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void theSparkRunnerIsFoundAtRunTimeAndChecksTheMaster() {
        assertThat(spark).isInstanceOf(SparkTrialExecutor.class);
        assertThat(spark.where()).isEqualTo("local[2]");
        assertThatThrownBy(() -> TrialExecutors.open("sparc://host:7077")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--spark sparc://host:7077: expected a Spark master URL");
    }

    private static Map<String, Object> dnn(EvaluationMode mode, TrialExecutor executor, String name) throws IOException {
        Path model = dir.resolve("mlp.uvnn");
        if (!Files.exists(model)) {
            Files.write(model, TinySweep.checkpoint());
        }
        // 8x8 blobs of TinySweep's MLP; 1100 test images: a sequential point looks up to three times (chunks of 512)
        DatasetRef data = new DatasetRef("synthetic:1100:8x8:4:7");
        var setup = new SetupSpec(Set.of(DataKind.WEIGHTS, DataKind.IFMS), "int8", "int8", "uniform", true, 1);
        var options = new ToleranceRun.Options(model, setup, new ToleranceSearch.Settings(1e-4, 1e-1, 1, 2, 3, 7), 0.01,
                Acceptance.Rule.LOWER95, true, 1100, 100, null, dir.resolve(name), mode);
        return ToleranceRun.run(options, data.load(Split.TRAIN), data.load(Split.TEST), m -> { },
                ToleranceSearch.TrialProgress.NONE, executor).json();
    }

    @ParameterizedTest
    @EnumSource(EvaluationMode.class)
    void dnnToleranceOnSparkStoresTheLocalPoints(EvaluationMode mode) throws IOException {
        Map<String, Object> local = dnn(mode, TrialExecutor.LOCAL, "dnn-local-" + mode);
        Map<String, Object> onSpark = dnn(mode, spark, "dnn-spark-" + mode);
        String points = Files.readString(dir.resolve("dnn-local-" + mode + "/points.json"));
        assertThat(Files.readString(dir.resolve("dnn-spark-" + mode + "/points.json"))).isEqualTo(points);
        assertThat(points).contains("network@", "combination@");
        for (String key : List.of("baseline_accuracy", "coarse", "fine", "combination", "nonfinite_outputs")) {
            assertThat(onSpark.get(key)).as(key).isEqualTo(local.get(key));
        }
        assertThat(onSpark.get("runner")).isEqualTo("local[2]");
        assertThat(local.get("runner")).isEqualTo("local");
        if (mode == EvaluationMode.SEQUENTIAL) {
            assertThat(points).contains("\"settled_early\"");
        }
    }

    @Test
    void snnToleranceOnSparkStoresTheLocalPoints() throws IOException {
        Path model = dir.resolve("snn.uvsnn");
        Files.write(model, TinySweep.snn());
        ImageDataset test = new DatasetRef(TinySweep.DATA28).load(Split.TEST);
        Map<String, Map<String, Object>> runs = new java.util.LinkedHashMap<>();
        for (TrialExecutor on : List.of(TrialExecutor.LOCAL, spark)) {
            var options = new SnnToleranceRun.Options(model, Formats.byName("fp32"), "bitline:0.5", 5, false,
                    new ToleranceSearch.Settings(1e-4, 1e-1, 1, 2, 3, 11), 0.05, Acceptance.Rule.MEAN, 40, 1, null,
                    dir.resolve("snn-" + on.where()), EvaluationMode.SEQUENTIAL);
            runs.put(on.where(), SnnToleranceRun.run(options, test, m -> { }, ToleranceSearch.TrialProgress.NONE, on).json());
        }
        assertThat(Files.readString(dir.resolve("snn-local[2]/points.json")))
                .isEqualTo(Files.readString(dir.resolve("snn-local/points.json")));
        for (String key : List.of("baseline_accuracy", "coarse", "nonfinite_weights")) {
            assertThat(runs.get("local[2]").get(key)).as(key).isEqualTo(runs.get("local").get(key));
        }
        assertThat(runs.get("local[2]").get("runner")).isEqualTo("local[2]");
    }
}
