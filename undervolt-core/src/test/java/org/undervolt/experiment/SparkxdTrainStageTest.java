package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.undervolt.io.Json;
import org.undervolt.snn.SnnRuns;

/** The SparkXD train stage's result (in summary.json, and read back on resume) keeps its keys, order and numbers. */
class SparkxdTrainStageTest {

    @Test
    void theStageResultIsPinned() {
        SnnRuns.TrainResult r = new SnnRuns.TrainResult(0.8125, 100, 6000, 2999, 1000, 1000, 12.5, 10.25, 1.0, 1.25,
                60000, 1.7, 1.1);
        assertThat(Json.write(SparkxdPipeline.TrainStage.of(r, Path.of("runs", "base.snn")))).isEqualTo("""
                {
                  "accuracy" : 0.8125,
                  "neurons" : 100,
                  "images" : 6000,
                  "resumed_from" : 2999,
                  "train_seconds" : 10.25,
                  "model_file" : "runs/base.snn"
                }""");
    }
}
