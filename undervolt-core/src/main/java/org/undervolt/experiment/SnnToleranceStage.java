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
import org.undervolt.resilience.WeightStorage;
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
        return run(base, fat, control, c, format, test, threads, out, log, progress, executor, null);
    }

    /** As above, the weights read through {@code storage} (null: the config's error model at the axis BER). */
    static Map<String, Object> run(Path base, Path fat, Path control, PipelineConfig c, FormatSpec format,
            ImageDataset test, int threads, Path out, Consumer<String> log, StageProgress progress,
            TrialExecutor executor, WeightStorage storage) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> b = one(base, null, c, format, test, threads, out.resolve("baseline"), log,
                progress.trials("tolerance baseline"), executor, storage);
        r.put("baseline", b);
        r.put("fault_aware", one(fat, (Double) b.get("error_free"), c, format, test, threads, out.resolve("fault-aware"),
                log, progress.trials("tolerance fault-aware"), executor, storage));
        r.put("control", one(control, (Double) b.get("error_free"), c, format, test, threads, out.resolve("control"),
                log, progress.trials("tolerance control"), executor, storage));
        r.put("runner", executor.where());
        return r;
    }

    private static Map<String, Object> one(Path model, Double reference, PipelineConfig c, FormatSpec format,
            ImageDataset test, int threads, Path out, Consumer<String> log, ToleranceSearch.TrialProgress trials,
            TrialExecutor executor, WeightStorage storage) {
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var options = new SnnToleranceRun.Options(model, format, c.text("error_model"),
                c.integer("device_seed", 0L, Long.MAX_VALUE), ReadCorrection.parse(c.text("read_correction")),
                ToleranceStage.search(c), c.number("delta", 0, 1),
                Acceptance.Rule.parse(c.text("confidence")), c.integer("test_images", 1, test.size()), threads, reference, out,
                ToleranceStage.evaluation(c), storage);
        ToleranceResult result = ToleranceUseCase.run(ToleranceRequest.of(options, test), log, trials, executor);
        SnnToleranceRun.Report run = (SnnToleranceRun.Report) result.report();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("error_free", result.baselineAccuracy());
        r.put("reference_accuracy", run.referenceAccuracy());
        r.put("criterion", run.criterion());
        double tolerable = Math.max(0, result.tolerableBer());
        Map<String, Object> where = run.location();
        // location-aware: the device's BER at the tolerable voltage (axis points above the device's reach stand for
        // its lowest voltage), with the voltage and the unsafe subarrays there
        r.put("tolerable_ber", where == null ? tolerable : where.get("module_ber"));
        r.put("status", result.status());
        r.put("weight_errors", run.weightErrors());
        if (where != null) {
            r.put("tolerable_axis_ber", tolerable);
            r.put("tolerable_vdd", where.get("vdd"));
            r.put("location", where);
        }
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
            if (storage instanceof LocationStorage loc) {
                q.put("vdd", loc.volts(p.ber()));
            }
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
