package org.undervolt.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.io.JsonPins;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.storage.Formats;

/**
 * SparkXD's tolerance stage result (baseline, fault-aware and control searches, each with its curve) pinned to the
 * byte, on the uniform path and on a measured device's weak subarrays (voltages, the location of the weights).
 */
class SnnToleranceStagePinTest {

    @Test
    void uniformAndLocationAware(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("tiny.uvsnn");
        Files.write(model, TinySnn.model());
        ImageDataset test = TinySnn.DATA.load(Split.TEST);
        for (String f : new String[] {"1", "0.1"}) {
            PipelineConfig c = PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("weak_fraction=" + f,
                    "test_images=20", "trials=2", "bisections=1", "tolerance_ber_min=1e-4", "tolerance_ber_max=0.1"));
            Map<String, Object> r = SnnToleranceStage.run(model, model, model, c, Formats.byName("fp32"), test, 1,
                    tmp.resolve("w" + f), m -> { }, new StageProgress(m -> { }), TrialExecutor.LOCAL,
                    MappingStage.location(c));
            JsonPins.assertPinned("snn-tolerance-stage-" + (f.equals("1") ? "uniform" : "location"), r);
        }
    }
}
