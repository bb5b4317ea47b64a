package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;

/** Unit costs kept per build, machine and workload: read back exactly, keyed by what they depend on. */
class CalibrationCacheTest {

    @Test
    void costsComeBackExactly(@TempDir Path dir) {
        CalibrationCache cache = new CalibrationCache(dir);
        var eden = new Calibration.Eden(1.25e-4, new Calibration.Linear(1e-6, 2e-4, 0.1, 7e-4),
                new Calibration.Linear(1e-6, 3e-5, 0.1, 9e-4), new Calibration.Linear(1e-6, 0.02, 0.1, 0.05), 6, 41.5);
        Instant at = Instant.parse("2026-12-07T14:40:00Z");
        cache.put("e", CalibrationCache.toMap(eden), at);
        CalibrationCache.Entry e = cache.get("e").orElseThrow();
        assertThat(CalibrationCache.eden(e.costs())).isEqualTo(eden);
        assertThat(e.measuredAt()).isEqualTo(at);
        var snn = new Calibration.Sparkxd(2.95e-3, 1.93e-3, 12.0);
        cache.put("s", CalibrationCache.toMap(snn), at);
        assertThat(CalibrationCache.sparkxd(cache.get("s").orElseThrow().costs())).isEqualTo(snn);
    }

    @Test
    void aDamagedEntryIsNotTrusted(@TempDir Path dir) throws Exception {
        CalibrationCache cache = new CalibrationCache(dir);
        Files.writeString(cache.fileFor("x"), "{\"measured_at\": \"yesterday\"");
        assertThat(cache.get("x")).isEmpty();
        assertThat(cache.get("absent")).isEmpty();
    }

    @Test
    void theKeyIgnoresWorkCountsOnly() {
        PipelineConfig c = PipelineConfig.preset("eden", "quick");
        String k = CalibrationCache.key("eden", c, 2, 6500, 1000);
        assertThat(CalibrationCache.key("eden", c.withSettings(List.of("trials=10", "bisections=5")), 2, 6500, 1000))
                .isEqualTo(k);
        assertThat(CalibrationCache.key("eden", c.withSettings(List.of("network=mlp")), 2, 6500, 1000)).isNotEqualTo(k);
        assertThat(CalibrationCache.key("eden", c.withSettings(List.of("tolerance_ber_max=0.01")), 2, 6500, 1000))
                .isNotEqualTo(k);
        assertThat(CalibrationCache.key("eden", c, 1, 6500, 1000)).isNotEqualTo(k);
        assertThat(CalibrationCache.key("eden", c, 2, 6500, 500)).isNotEqualTo(k);
        assertThat(CalibrationCache.key("sparkxd", c, 2, 6500, 1000)).isNotEqualTo(k);
    }

    /**
     * The first estimate measures and keeps its unit costs; the second reads them: the same costs to the bit (a new
     * timing would differ), the same stages, and a basis naming the file.
     */
    @Test
    void aSecondEstimateReadsTheFirstsMeasurement(@TempDir Path dir) throws Exception {
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("neurons=8"));
        ImageDataset train = SyntheticDatasets.separableBlobs(64, 28, 28, 10, 1);
        ImageDataset test = SyntheticDatasets.separableBlobs(32, 28, 28, 10, 2);
        CalibrationCache cache = new CalibrationCache(dir);
        RunEstimate first = RunEstimate.of("sparkxd", c, train, test, 1, null, new Calibration(0.001), cache);
        assertThat(first.basis()).startsWith("unit costs measured in ").contains("kept in " + dir);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
        RunEstimate second = RunEstimate.of("sparkxd", c.withSettings(List.of("trials=7")), train, test, 1, null,
                new Calibration(0.001), cache);
        assertThat(second.costs()).isEqualTo(first.costs());
        assertThat(second.calibrationSeconds()).isEqualTo(first.calibrationSeconds());
        assertThat(second.basis()).contains("read from " + dir);
        assertThat(second.line()).endsWith("(delete it to measure again)");
        assertThat(second.stages().get("train")).isEqualTo(first.stages().get("train"));
    }

    /**
     * In a run folder the finished stages are not estimated again, except the one a changed {@code paired_draws}
     * redoes (the uniform path, where that stage has work).
     */
    @Test
    void aFinishedStageCountsAgainWhenARefiningKeyChanges(@TempDir Path dir) throws Exception {
        PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("neurons=8", "weak_fraction=1"));
        ImageDataset train = SyntheticDatasets.separableBlobs(64, 28, 28, 10, 1);
        ImageDataset test = SyntheticDatasets.separableBlobs(32, 28, 28, 10, 2);
        Path run = dir.resolve("run");
        try (Stages s = new Stages(run, c, null, m -> { }, null)) {
            for (String stage : List.of("train", "fault-aware-training", "tolerance", "fat-vs-control",
                    "fat-vs-control-ber")) {
                s.run(stage, () -> new java.util.LinkedHashMap<>(java.util.Map.of("done", true)));
            }
        }
        CalibrationCache cache = new CalibrationCache(dir.resolve("cache"));
        RunEstimate same = RunEstimate.of("sparkxd", c, train, test, 1, run, new Calibration(0.001), cache);
        assertThat(same.stages()).containsOnlyKeys("placement");
        RunEstimate more = RunEstimate.of("sparkxd", c.withSettings(List.of("paired_draws=9")), train, test, 1, run,
                new Calibration(0.001), cache);
        assertThat(more.stages()).containsOnlyKeys("fat-vs-control-ber", "placement");
        assertThat(more.stages().get("fat-vs-control-ber").typical()).isPositive();
    }
}
