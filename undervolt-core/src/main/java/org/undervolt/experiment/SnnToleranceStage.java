package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.CurveExport;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceAnalysis;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.resilience.TrialExecutor;
import org.undervolt.storage.FormatSpec;
import org.undervolt.usecase.ToleranceRequest;
import org.undervolt.usecase.ToleranceResult;
import org.undervolt.usecase.ToleranceUseCase;

/**
 * SparkXD's tolerance question for the SNN, by {@link SnnToleranceRun} (log grid, then bisection,
 * Monte-Carlo trials per point, resumable point store): the tolerable BER of the baseline network
 * against its own error-free accuracy, and of the fault-aware network and of its control (trained on the
 * same images without flips) against the baseline's (SparkXD's "within 1% of the baseline"). Weights are
 * read through the same error model and read correction as in fault-aware training. Each search's
 * per-trial accuracies are kept for the report.
 */
final class SnnToleranceStage {
    private SnnToleranceStage() {
    }

    static Map<String, Object> run(Path base, Path fat, Path control, PipelineConfig c, FormatSpec format,
            ImageDataset test, int threads, Path out, Consumer<String> log, StageProgress progress,
            TrialExecutor executor) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> b = one(base, null, c, format, test, threads, out.resolve("baseline"), log,
                progress.trials("tolerance baseline"), executor);
        r.put("baseline", b);
        r.put("fault_aware", one(fat, (Double) b.get("error_free"), c, format, test, threads, out.resolve("fault-aware"),
                log, progress.trials("tolerance fault-aware"), executor));
        r.put("control", one(control, (Double) b.get("error_free"), c, format, test, threads, out.resolve("control"),
                log, progress.trials("tolerance control"), executor));
        r.put("runner", executor.where());
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> one(Path model, Double reference, PipelineConfig c, FormatSpec format,
            ImageDataset test, int threads, Path out, Consumer<String> log, ToleranceSearch.TrialProgress trials,
            TrialExecutor executor) {
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var options = new SnnToleranceRun.Options(model, format, c.text("error_model"),
                c.integer("device_seed", 0L, Long.MAX_VALUE), ReadCorrection.parse(c.text("read_correction")),
                ToleranceStage.search(c), c.number("delta", 0, 1),
                Acceptance.Rule.parse(c.text("confidence")), c.integer("test_images", 1, test.size()), threads, reference, out,
                ToleranceStage.evaluation(c));
        ToleranceResult run = ToleranceUseCase.run(ToleranceRequest.of(options, test), log, trials, executor);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("error_free", run.baselineAccuracy());
        r.put("reference_accuracy", run.report().get("reference_accuracy"));
        r.put("criterion", run.report().get("criterion"));
        r.put("tolerable_ber", Math.max(0, run.tolerableBer()));
        r.put("status", ((Map<?, ?>) run.report().get("coarse")).get("status"));
        Map<String, List<Double>> pts = ToleranceStage.accuracies(out.resolve("points.json"))
                .getOrDefault(ToleranceAnalysis.NETWORK, Map.of());
        List<CurvePoint> points = new ArrayList<>();
        pts.forEach((ber, acc) -> points.add(new CurvePoint(Double.parseDouble(ber),
                acc.stream().mapToDouble(Double::doubleValue).toArray())));
        points.sort(java.util.Comparator.comparingDouble(CurvePoint::ber));
        Map<String, List<Double>> nonfinite = ToleranceStage.perTrial(out.resolve("points.json"), "nonfinite")
                .getOrDefault(ToleranceAnalysis.NETWORK, Map.of());
        List<Object> curve = new ArrayList<>();
        for (CurvePoint p : points) {
            Map<String, Object> q = CurveExport.point(p);
            q.put("accuracies", p.accuracies());
            List<Double> counts = nonfinite.get(Double.toString(p.ber()));
            if (counts != null) {
                q.put("nonfinite", counts.stream().map(Double::intValue).toList());
            }
            curve.add(q);
        }
        r.put("curve", curve);
        return r;
    }

    /** The curve of one network in a stage result written by {@link #run}. */
    @SuppressWarnings("unchecked")
    static List<CurvePoint> curve(Map<String, Object> r) {
        List<CurvePoint> out = new ArrayList<>();
        for (Object o : (List<Object>) r.get("curve")) {
            Map<String, Object> q = (Map<String, Object>) o;
            List<Number> acc = (List<Number>) q.get("accuracies");
            out.add(new CurvePoint(((Number) q.get("ber")).doubleValue(), acc.stream().mapToDouble(Number::doubleValue).toArray()));
        }
        return out;
    }
}
