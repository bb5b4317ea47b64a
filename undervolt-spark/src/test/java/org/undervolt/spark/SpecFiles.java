package org.undervolt.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.experiment.SweepSpec;
import org.undervolt.experiment.SweepSpecReader;
import org.undervolt.io.Json;

/**
 * A sweep spec on disk, as {@code cluster.sh submit} and {@code undervolt sweep} read it: the MLP and the
 * 10-neuron SNN of {@link TinySweep#mixed()} as files, two error models, three BERs (FP32 weights), two
 * master seeds and {@code trials} trials on {@code testImages} test images.
 */
final class SpecFiles {
    private SpecFiles() {
    }

    /** Writes the networks and {@code spec.json} into {@code dir}; returns the spec file. */
    static Path write(Path dir, int trials, int testImages) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("mlp.uvnn"), TinySweep.mlp28());
            Files.write(dir.resolve("snn.uvsnn"), TinySweep.snn());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("networks", List.of(Map.of("name", "mlp", "checkpoint", "mlp.uvnn"),
                    Map.of("name", "snn", "checkpoint", "snn.uvsnn")));
            m.put("dataset", TinySweep.DATA28);
            m.put("test_images", testImages);
            m.put("profile_images", 20);
            m.put("error_models", List.of("uniform", "bitline:0.5"));
            m.put("bers", List.of(0.0, 1e-3, 5e-2));
            m.put("trials", trials);
            m.put("seeds", List.of(11, 12));
            m.put("data", List.of("weights"));
            m.put("weight_format", "fp32");
            m.put("device_seed", 5);
            Path spec = dir.resolve("spec.json");
            Files.writeString(spec, Json.write(m));
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec as the driver reads it. */
    static SweepSpec read(Path spec) {
        return SweepSpecReader.read(spec);
    }
}
