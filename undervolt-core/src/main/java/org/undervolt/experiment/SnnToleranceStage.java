package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.io.Json;
import org.undervolt.mapping.LocationStorage;
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
        Network b = one(base, null, c, format, test, threads, out.resolve("baseline"), log,
                progress.trials("tolerance baseline"), executor, storage);
        Network f = one(fat, b.errorFree(), c, format, test, threads, out.resolve("fault-aware"), log,
                progress.trials("tolerance fault-aware"), executor, storage);
        Network k = one(control, b.errorFree(), c, format, test, threads, out.resolve("control"), log,
                progress.trials("tolerance control"), executor, storage);
        return Json.fields(new Searched(b, f, k, executor.where()));
    }

    /** The stage's result: its components are the keys in order (snake_case). */
    private record Searched(Network baseline, Network faultAware, Network control, String runner) {
    }

    /**
     * One network's search.
     *
     * @param errorFree         its stored weights' error-free accuracy
     * @param tolerableBer      the tolerable BER (location-aware: the module's BER at the tolerable voltage)
     * @param tolerableAxisBer  location-aware: the search axis' tolerable BER (absent otherwise)
     * @param tolerableVdd      location-aware: the tolerable voltage (absent otherwise)
     * @param location          location-aware: where the tolerable voltage puts the weights (absent otherwise)
     * @param curve             every point measured, by BER, with its trials' accuracies
     */
    private record Network(double errorFree, double referenceAccuracy, String criterion, double tolerableBer,
            String status, String weightErrors, @Json.OmitWhenNull Double tolerableAxisBer,
            @Json.OmitWhenNull Double tolerableVdd, @Json.OmitWhenNull Map<String, Object> location, List<Point> curve) {
    }

    /**
     * A curve point ({@link CurveExport.Point}) with the voltage it stands for (location-aware only), each trial's
     * accuracy and non-finite count (absent for points measured before counts were kept).
     */
    private record Point(@Json.Inline CurveExport.Point point, @Json.OmitWhenNull Double vdd, double[] accuracies,
            @Json.OmitWhenNull List<Integer> nonfinite) {
    }

    private static Network one(Path model, Double reference, PipelineConfig c, FormatSpec format,
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
        double tolerable = Math.max(0, result.tolerableBer());
        Map<String, Object> where = run.location();
        Map<String, List<Double>> pts = ToleranceStage.accuracies(out.resolve("points.json"))
                .getOrDefault(ToleranceAnalysis.NETWORK, Map.of());
        List<CurvePoint> points = new ArrayList<>();
        pts.forEach((ber, acc) -> points.add(new CurvePoint(Double.parseDouble(ber),
                acc.stream().mapToDouble(Double::doubleValue).toArray())));
        points.sort(java.util.Comparator.comparingDouble(CurvePoint::ber));
        Map<String, List<Double>> nonfinite = ToleranceStage.perTrial(out.resolve("points.json"), "nonfinite")
                .getOrDefault(ToleranceAnalysis.NETWORK, Map.of());
        List<Point> curve = new ArrayList<>();
        for (CurvePoint p : points) {
            List<Double> counts = nonfinite.get(Double.toString(p.ber()));
            curve.add(new Point(CurveExport.Point.of(p), storage instanceof LocationStorage loc ? loc.volts(p.ber()) : null,
                    p.accuracies(), counts == null ? null : counts.stream().map(Double::intValue).toList()));
        }
        // weak-subarray: the device's BER at the tolerable voltage (axis points above the device's reach stand for
        // its lowest voltage), with the voltage and the unsafe subarrays there
        return new Network(result.baselineAccuracy(), run.referenceAccuracy(), run.criterion(),
                where == null ? tolerable : ((Number) where.get("module_ber")).doubleValue(), result.status(),
                run.weightErrors(), where == null ? null : tolerable,
                where == null ? null : ((Number) where.get("vdd")).doubleValue(), where, curve);
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
