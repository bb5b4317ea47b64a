package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.SetupSpec;
import org.undervolt.resilience.ToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.io.Json;
import org.undervolt.usecase.ToleranceRequest;
import org.undervolt.usecase.ToleranceUseCase;

/**
 * A DNN tolerance stage: {@link ToleranceRun} (coarse, optionally fine) on a model file, its
 * resumable {@code points.json} in the stage folder, and every measured point's per-trial accuracies
 * (read back from that file) added to the result so the report can draw confidence bands.
 */
final class ToleranceStage {
    private ToleranceStage() {
    }

    static SetupSpec setup(PipelineConfig c) {
        Set<DataKind> kinds = new LinkedHashSet<>();
        for (String d : c.texts("data")) {
            kinds.add(DataKind.parse(d));
        }
        return new SetupSpec(kinds, c.text("format"), c.text("ifm_format"), c.text("error_model"),
                c.flag("value_correction"), c.integer("device_seed", 0L, Long.MAX_VALUE));
    }

    /** @param reference accuracy the loss is measured from (the network before retraining), or null for its own */
    static Map<String, Object> run(Path model, boolean fine, Double reference, PipelineConfig c, ImageDataset train,
            ImageDataset test, Path out, java.util.function.Consumer<String> log, ToleranceSearch.TrialProgress trials,
            TrialExecutor executor) {
        var options = options(model, fine, reference, c, out);
        Map<String, Object> report = ToleranceUseCase.run(ToleranceRequest.of(options, train, test), log, trials,
                executor).report().json();
        return Json.fields(new Searched(report, accuracies(out.resolve("points.json")),
                perTrial(out.resolve("points.json"), "nonfinite"), out.resolve("tolerance.json").toString()));
    }

    /**
     * A tolerance stage's result: the search's report, then every trial's accuracy and count of non-finite values per
     * target and BER (read back from points.json, for the results store's trial rows) and where tolerance.json is.
     */
    private record Searched(@Json.Inline Map<String, Object> report, Map<String, Map<String, List<Double>>> accuracies,
            Map<String, Map<String, List<Double>>> nonfinite, String toleranceFile) {
    }

    /** The tolerance settings of {@code c}; also the up-front check of them (bad input before any work). */
    static ToleranceRun.Options options(Path model, boolean fine, Double reference, PipelineConfig c, Path out) {
        return new ToleranceRun.Options(model, setup(c), search(c), c.number("delta", 0, 1),
                Acceptance.Rule.parse(c.text("confidence")), fine, c.integer("test_images", 1, 1_000_000),
                c.integer("profile_images", 1, 1_000_000), reference, out, evaluation(c));
    }

    /** How tolerance trials use the test images: {@code evaluation} = full or sequential. */
    static org.undervolt.resilience.EvaluationMode evaluation(PipelineConfig c) {
        return org.undervolt.resilience.EvaluationMode.parse(c.text("evaluation"));
    }

    /** The search settings (grid, bisections, trials, seed). */
    static ToleranceSearch.Settings search(PipelineConfig c) {
        return new ToleranceSearch.Settings(c.number("tolerance_ber_min", 1e-12, 1),
                c.number("tolerance_ber_max", 1e-12, 1), c.integer("points_per_decade", 1, 20),
                c.integer("bisections", 0, 20), c.integer("trials", 2, 10000), c.integer("seed", 0L, Long.MAX_VALUE));
    }

    /** target → BER (as text) → per-trial accuracies, from a tolerance point store. */
    static Map<String, Map<String, List<Double>>> accuracies(Path points) {
        return perTrial(points, "points");
    }

    /**
     * target → BER (as text) → per-trial values of the point store's {@code field}: {@code points} (the
     * accuracies) or {@code nonfinite} (each trial's count of non-finite values; points measured without a
     * count are absent).
     */
    static Map<String, Map<String, List<Double>>> perTrial(Path points, String field) {
        Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(points, StandardCharsets.UTF_8));
            root.path(field).fields().forEachRemaining(e -> {
                if (!e.getValue().isArray()) {
                    return;
                }
                int at = e.getKey().lastIndexOf('@');
                List<Double> acc = new ArrayList<>();
                e.getValue().forEach(v -> acc.add(v.asDouble()));
                out.computeIfAbsent(e.getKey().substring(0, at), k -> new LinkedHashMap<>())
                        .put(e.getKey().substring(at + 1), acc);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + points, e);
        }
        return out;
    }

    /** The curve of {@code target} in a tolerance stage result, BER ascending, with per-trial accuracies. */
    @SuppressWarnings("unchecked")
    static List<CurvePoint> curve(Map<String, Object> stage, String target) {
        Map<String, Map<String, List<Double>>> all = (Map<String, Map<String, List<Double>>>) stage.get("accuracies");
        Map<String, List<Double>> pts = all.getOrDefault(target, Map.of());
        List<CurvePoint> out = new ArrayList<>();
        for (var e : pts.entrySet()) {
            out.add(new CurvePoint(Double.parseDouble(e.getKey()), e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        out.sort(java.util.Comparator.comparingDouble(CurvePoint::ber));
        return out;
    }
}
