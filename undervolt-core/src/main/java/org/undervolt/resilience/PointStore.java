package org.undervolt.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.InvalidInputException;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

/**
 * Finished Monte-Carlo points of a tolerance analysis, keyed by target and BER, optionally kept in a
 * file so that a killed analysis resumes without repeating or losing a point.
 *
 * <p>The file is rewritten atomically after every point (a reader or a resumed run sees the old
 * or the new version, never half of one). It records the analysis' configuration: a file made with
 * another configuration is refused rather than silently mixed in.
 */
public final class PointStore {
    private final Path file;
    private final String config;
    private final Map<String, double[]> points = new LinkedHashMap<>();
    private final Map<String, int[]> nonfinite = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> extra = new LinkedHashMap<>();

    private PointStore(Path file, String config) {
        this.file = file;
        this.config = config;
    }

    /** A store that forgets everything when the run ends. */
    public static PointStore inMemory() {
        return new PointStore(null, "");
    }

    /**
     * A store in {@code file}: loads the points it holds if it exists (its configuration must equal
     * {@code config}), else starts empty.
     */
    public static PointStore open(Path file, String config) {
        return open(file, config, stored -> false);
    }

    /**
     * As {@link #open(Path, String)}, also taking the points of a file whose configuration {@code sameMeasurements}
     * accepts: an older identity text naming the same measurements (e.g. one that still carried a count the points
     * no longer depend on). The file is rewritten under {@code config} with the next point.
     */
    public static PointStore open(Path file, String config, java.util.function.Predicate<String> sameMeasurements) {
        PointStore s = new PointStore(file, config);
        if (Files.exists(file)) {
            try {
                JsonNode root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
                String stored = root.path("config").asText(null);
                if (!config.equals(stored) && (stored == null || !sameMeasurements.test(stored))) {
                    throw new InvalidInputException(file + ": checkpoint was made with another configuration ("
                            + stored + "); delete it or use another --out");
                }
                root.path("points").fields().forEachRemaining(e -> {
                    double[] acc = new double[e.getValue().size()];
                    for (int i = 0; i < acc.length; i++) {
                        acc[i] = e.getValue().get(i).asDouble();
                    }
                    s.points.put(e.getKey(), acc);
                });
                root.path("nonfinite").fields().forEachRemaining(e -> {
                    int[] n = new int[e.getValue().size()];
                    for (int i = 0; i < n.length; i++) {
                        n[i] = e.getValue().get(i).asInt();
                    }
                    s.nonfinite.put(e.getKey(), n);
                });
                root.path("extra").fields().forEachRemaining(e -> s.extra.put(e.getKey(),
                        Json.mapper().convertValue(e.getValue(), new com.fasterxml.jackson.core.type.TypeReference<
                                Map<String, Object>>() { })));
            } catch (IOException e) {
                throw new InvalidInputException(file + ": not a readable tolerance checkpoint (" + e.getMessage() + ")");
            }
        }
        return s;
    }

    static String key(String target, double ber) {
        return target + "@" + ber;
    }

    /** The finished point, if any. */
    public synchronized Optional<CurvePoint> get(String target, double ber) {
        double[] a = points.get(key(target, ber));
        return a == null ? Optional.empty() : Optional.of(new CurvePoint(ber, a));
    }

    /** Records a finished point and, for a file store, persists it before returning. */
    public synchronized void put(String target, CurvePoint p) {
        put(target, p, null);
    }

    /**
     * Records a finished point with, per trial, the count of non-finite values its evaluator met (null:
     * not counted), and, for a file store, persists both before returning.
     */
    public synchronized void put(String target, CurvePoint p, int[] nonfiniteCounts) {
        put(target, p, nonfiniteCounts, null);
    }

    /**
     * As {@link #put(String, CurvePoint, int[])}, with what else the point's evaluation wants kept beside it
     * (JSON values; e.g. a sequential point's images per trial and decision), or null.
     */
    public synchronized void put(String target, CurvePoint p, int[] nonfiniteCounts, Map<String, Object> more) {
        if (nonfiniteCounts != null && nonfiniteCounts.length != p.trials()) {
            throw new IllegalArgumentException(nonfiniteCounts.length + " counts for " + p.trials() + " trials");
        }
        points.put(key(target, p.ber()), p.accuracies());
        if (nonfiniteCounts != null) {
            nonfinite.put(key(target, p.ber()), nonfiniteCounts.clone());
        }
        if (more != null) {
            extra.put(key(target, p.ber()), new LinkedHashMap<>(more));
        }
        if (file != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("config", config);
            Map<String, List<Double>> pts = new LinkedHashMap<>();
            points.forEach((k, v) -> pts.put(k, java.util.Arrays.stream(v).boxed().toList()));
            root.put("points", pts);
            if (!nonfinite.isEmpty()) {
                Map<String, List<Integer>> nf = new LinkedHashMap<>();
                nonfinite.forEach((k, v) -> nf.put(k, java.util.Arrays.stream(v).boxed().toList()));
                root.put("nonfinite", nf);
            }
            if (!extra.isEmpty()) {
                root.put("extra", extra);
            }
            AtomicFiles.write(file, Json.write(root).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Per trial of the finished point, the non-finite values its evaluator met (see
     * {@link TrialEvaluator.Outcome#nonfinite()}); empty if the point is unknown or was not counted.
     */
    public synchronized Optional<int[]> nonfinite(String target, double ber) {
        int[] n = nonfinite.get(key(target, ber));
        return n == null ? Optional.empty() : Optional.of(n.clone());
    }

    /**
     * Every finished point's key ({@code target@ber}) with its per-trial non-finite counts, null where they
     * were not counted; in the order the points were finished.
     */
    public synchronized Map<String, int[]> nonfiniteByPoint() {
        Map<String, int[]> m = new LinkedHashMap<>();
        points.keySet().forEach(k -> m.put(k, nonfinite.containsKey(k) ? nonfinite.get(k).clone() : null));
        return m;
    }

    /** What was kept beside the finished point ({@link #put(String, CurvePoint, int[], Map)}); empty if nothing. */
    public synchronized Optional<Map<String, Object>> extra(String target, double ber) {
        Map<String, Object> m = extra.get(key(target, ber));
        return m == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(m));
    }

    /** Every finished point's key ({@code target@ber}) with what was kept beside it, in finishing order. */
    public synchronized Map<String, Map<String, Object>> extraByPoint() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        extra.forEach((k, v) -> m.put(k, new LinkedHashMap<>(v)));
        return m;
    }

    /** Number of finished points. */
    public synchronized int size() {
        return points.size();
    }
}
