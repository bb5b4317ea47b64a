package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.io.Json;
import org.undervolt.io.JsonPins;
import org.undervolt.io.SetAside;

/**
 * What a finished {@code eden} and {@code sparkxd} run writes, pinned to the byte on tiny synthetic data: the summary
 * (as returned, and summary.json), the stage results the pipelines build themselves (the eden model stage; sparkxd's
 * train, fault-aware-training and placement stages) and the report's provenance table, with what varies between runs
 * and machines set aside (provenance, seconds, the temporary folder).
 */
class PipelineOutputPinTest {
    private static final ImageDataset DATA = SyntheticDatasets.separableBlobs(360, 28, 28, 10, 7);
    private static final ImageDataset TRAIN = DATA.slice(0, 300);
    private static final ImageDataset TEST = DATA.slice(300, 360);

    @Test
    void eden(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Map<String, Object> summary = new PipelineRun(EdenPipeline.KIND, PipelineResumeTest.tinyEden(), out,
                tmp.resolve("runs.db"), 1, null).run(TRAIN, TEST, s -> { });
        pinRun("eden", summary, out, tmp, List.of("model"));
    }

    @Test
    void sparkxd(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Map<String, Object> summary = new PipelineRun(SparkxdPipeline.KIND, PipelineResumeTest.tinySparkxd(), out,
                tmp.resolve("runs.db"), 1, null).run(TRAIN, TEST, s -> { });
        pinRun("sparkxd", summary, out, tmp, List.of("train", "fault-aware-training", "placement"));
    }

    private static void pinRun(String kind, Map<String, Object> summary, Path out, Path tmp, List<String> stages)
            throws Exception {
        String written = Files.readString(out.resolve("summary.json"));
        assertThat(written).isEqualTo(Json.write(summary) + "\n");
        JsonPins.assertPinned("pipeline-run-" + kind + "-summary", SetAside.of(read(written), tmp));
        for (String stage : stages) {
            JsonPins.assertPinned("pipeline-run-" + kind + "-stage-" + stage,
                    SetAside.of(read(Files.readString(out.resolve("stages").resolve(stage + ".json"))), tmp));
        }
        JsonPins.assertPinned("pipeline-run-" + kind + "-report-provenance",
                SetAside.provenanceRows(Files.readString(out.resolve("report.html")), tmp));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) throws Exception {
        return Json.mapper().readValue(json, LinkedHashMap.class);
    }
}
