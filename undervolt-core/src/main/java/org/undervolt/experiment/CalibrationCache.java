package org.undervolt.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.undervolt.Provenance;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The unit costs a {@link Calibration} measured, kept in the cache folder ({@link ModelCache#defaultDirectory()},
 * {@code calibrations/KEY.json}), so that the work of a pipeline is timed once per build, machine and workload and
 * later estimates answer at once from the same measurement. The key holds everything the measurement depends on:
 * the build (its version, git revision and the modification time of the jar or classes that run), the machine
 * (processors, CPU model, host, OS, JVM), the thread count, the data set sizes and every setting of the config
 * except those that only count work ({@link #COUNTS}: the {@link WorkModel} multiplies by them, {@link Calibration}
 * never reads them). An entry that cannot be read is measured again and replaced, never trusted.
 */
public final class CalibrationCache {
    /** Settings that only say how much work a stage does: changing them re-uses the unit costs. */
    static final Set<String> COUNTS = Set.of("trials", "bisections", "points_per_decade", "retrain_epochs",
            "base_epochs", "base_train_images", "train_images", "test_images", "validation_images", "validation_trials",
            "label_images", "images_per_step", "ber_factor");

    private static final String VERSION = "calibration-v1";

    private final Path dir;

    /** Entries kept in {@code dir}. */
    public CalibrationCache(Path dir) {
        this.dir = dir;
    }

    /** In {@code calibrations/} of the cache folder ({@link ModelCache#defaultDirectory()}). */
    public static CalibrationCache inDefaultDirectory() {
        return new CalibrationCache(ModelCache.defaultDirectory().resolve("calibrations"));
    }

    /**
     * A measurement found in the cache.
     *
     * @param costs      the unit costs as {@link #toMap} wrote them
     * @param measuredAt when they were measured
     * @param file       the entry
     */
    record Entry(Map<String, Object> costs, Instant measuredAt, Path file) {
    }

    /** The file of {@code key}. */
    Path fileFor(String key) {
        return dir.resolve(key + ".json");
    }

    /** The key of a calibration of {@code kind} for {@code config} on {@code threads} threads and data of these sizes. */
    static String key(String kind, PipelineConfig config, int threads, int trainSize, int testSize) {
        Map<String, Object> settings = new TreeMap<>(config.values());
        settings.keySet().removeAll(COUNTS);
        String modelFile = null;
        if (config.values().get("model") instanceof String model) { // the same path may hold another network later
            Path f = Path.of(model);
            try {
                modelFile = Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis();
            } catch (IOException | RuntimeException e) {
                modelFile = "unreadable";
            }
        }
        var k = new Key(VERSION, kind, build(), machine(), threads, trainSize, testSize, settings, modelFile);
        return ModelCache.key(Json.canonical(k));
    }

    /**
     * What a calibration's key is the hash of (as canonical JSON: keys sorted): the cache's version, the pipeline, the
     * running build and machine, the threads, the data's sizes, the settings the costs depend on and, for a given model
     * file, its size and time.
     */
    private record Key(String version, String kind, String build, Map<String, Object> machine, int threads,
            int trainImages, int testImages, Map<String, Object> settings, @Json.OmitWhenNull String modelFile) {
    }

    /** The entry of {@code key}, if there is a readable one. */
    Optional<Entry> get(String key) {
        Path f = fileFor(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode j = Json.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> costs = Json.mapper().convertValue(j.get("costs"), Map.class);
            return Optional.of(new Entry(costs, Instant.parse(j.get("measured_at").asText()), f));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged: measured again and replaced
        }
    }

    /** Keeps {@code costs} (as {@link #toMap} gives them) under {@code key}; a cache that cannot be written is skipped. */
    Path put(String key, Map<String, Object> costs, Instant measuredAt) {
        var entry = new Stored(measuredAt.toString(), costs);
        Path f = fileFor(key);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(f, (Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A cache file: when the costs were measured, and the costs. */
    private record Stored(String measuredAt, Map<String, Object> costs) {
    }

    /** The costs of an eden calibration as JSON-ready values. */
    static Map<String, Object> toMap(Calibration.Eden k) {
        return Json.fields(new EdenCosts(k.trainImage(), linear(k.retrainImage()), linear(k.faultyImage()),
                linear(k.faultyTrial()), k.sites(), k.seconds()));
    }

    /** An eden calibration's file form: per-image costs, each BER-dependent one as {@link #linear} (two points). */
    private record EdenCosts(double trainImage, List<Double> retrainImage, List<Double> faultyImage,
            List<Double> faultyTrial, int sites, double seconds) {
    }

    /** The costs of a sparkxd calibration as JSON-ready values. */
    static Map<String, Object> toMap(Calibration.Sparkxd k) {
        return Json.fields(new SparkxdCosts(k.stdpImage(), k.inferImage(), k.seconds()));
    }

    /** A sparkxd calibration's file form. */
    private record SparkxdCosts(double stdpImage, double inferImage, double seconds) {
    }

    /** An eden calibration back from {@link #toMap(Calibration.Eden)}. */
    static Calibration.Eden eden(Map<String, Object> m) {
        return new Calibration.Eden(number(m, "train_image"), linear(m, "retrain_image"), linear(m, "faulty_image"),
                linear(m, "faulty_trial"), (int) number(m, "sites"), number(m, "seconds"));
    }

    /** A sparkxd calibration back from {@link #toMap(Calibration.Sparkxd)}. */
    static Calibration.Sparkxd sparkxd(Map<String, Object> m) {
        return new Calibration.Sparkxd(number(m, "stdp_image"), number(m, "infer_image"), number(m, "seconds"));
    }

    private static List<Double> linear(Calibration.Linear l) {
        return List.of(l.ber0(), l.cost0(), l.ber1(), l.cost1());
    }

    private static Calibration.Linear linear(Map<String, Object> m, String name) {
        List<?> v = (List<?>) m.get(name);
        return new Calibration.Linear(((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(),
                ((Number) v.get(2)).doubleValue(), ((Number) v.get(3)).doubleValue());
    }

    private static double number(Map<String, Object> m, String name) {
        return ((Number) m.get(name)).doubleValue();
    }

    /** Version, revision, and when the running jar or classes were built. */
    private static String build() {
        long built = 0;
        try {
            var source = CalibrationCache.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                built = Files.getLastModifiedTime(Path.of(source.getLocation().toURI())).toMillis();
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            built = -1;
        }
        return Provenance.version() + " " + Provenance.gitRevision() + " " + built;
    }

    /** Processors, CPU model, host name, OS and JVM. */
    private static Map<String, Object> machine() {
        Map<String, Object> jvm = new LinkedHashMap<>(Provenance.describe());
        jvm.remove("undervolt_version");
        jvm.remove("git_revision");
        return Json.fields(new Machine(jvm, firstLine(Path.of("/proc/cpuinfo"), "model name"),
                firstLine(Path.of("/etc/hostname"), ""), System.getProperty("java.vm.version")));
    }

    /** The machine part of a key: {@link Provenance#describe()}'s JVM and machine facts, then these. */
    private record Machine(@Json.Inline Map<String, Object> jvm, String cpu, String host, String javaVmVersion) {
    }

    /** The first line of {@code file} starting with {@code prefix}, or "" when there is none to read. */
    private static String firstLine(Path file, String prefix) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().orElse("").strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
