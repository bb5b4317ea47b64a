package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.fault.Injector;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.BerGrid;
import org.undervolt.resilience.CurveExport;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.PointStore;
import org.undervolt.resilience.ToleranceCriterion;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.snn.StoredSynapseStore;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.SequentialPlacement;

/**
 * SparkXD's tolerance question for the SNN: accuracy of the baseline and of the fault-aware network
 * with the input weights stored in DRAM and bit errors injected at each BER of a log grid,
 * {@code trials} draws per point, each from {@code (seed, model, BER, trial)}; the tolerable BER is the
 * largest grid BER whose mean stays at or above error-free − delta (SparkXD's 1% rule,
 * {@link ToleranceCriterion}). Every finished point is kept in a {@link PointStore} so an interrupted
 * stage resumes point by point.
 */
final class SnnToleranceStage {
    private static final long STREAM = 0x534E_4E54L; // "SNNT"
    /** The spike-train stream of test presentations (SnnModel.STREAM_TEST, as SnnFatRun uses). */
    private static final long TEST_STREAM = 5;

    private SnnToleranceStage() {
    }

    static Map<String, Object> run(Path base, Path fat, PipelineConfig c, FormatSpec format,
            DoubleFunction<ErrorModel> errors, ImageDataset test, int threads, Path out, Consumer<String> log) {
        double[] grid = BerGrid.logarithmic(c.number("tolerance_ber_min", 1e-12, 1), c.number("tolerance_ber_max", 1e-12, 1),
                c.integer("points_per_decade", 1, 20));
        int trials = c.integer("trials", 2, 10000);
        int images = c.integer("test_images", 1, test.size());
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        double delta = c.number("delta", 0, 1);
        PointStore store = PointStore.open(out.resolve("points.json"), c.canonical());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("criterion", "mean accuracy over trials >= error-free accuracy (stored format) - " + delta);
        r.put("grid", grid);
        r.put("trials", trials);
        r.put("test_images", images);
        r.put("baseline", curve("baseline", 0, SnnModelFile.read(base), format, errors, grid, trials, images, seed, delta,
                test, threads, store, log));
        r.put("fault_aware", curve("fault_aware", 1, SnnModelFile.read(fat), format, errors, grid, trials, images, seed,
                delta, test, threads, store, log));
        return r;
    }

    private static Map<String, Object> curve(String target, int modelId, SnnModel m, FormatSpec format,
            DoubleFunction<ErrorModel> errors, double[] grid, int trials, int images, long seed, double delta,
            ImageDataset test, int threads, PointStore store, Consumer<String> log) {
        StoredSynapseStore clean = StoredSynapseStore.of(m.weights(), format, new SequentialPlacement(DramGeometry.lpddr3x32()));
        float[] w = new float[DiehlCook.INPUTS * m.neurons()];
        clean.readAll(w);
        double errorFree = store.get(target, 0.0).map(CurvePoint::mean).orElseGet(() -> {
            double a = accuracy(m, w, test, images, threads);
            store.put(target, new CurvePoint(0.0, new double[] {a}));
            return a;
        });
        log.accept(String.format("%s: error-free %.4f (%s weights)", target, errorFree, format.name()));
        List<CurvePoint> points = new ArrayList<>();
        for (double ber : grid) {
            Optional<CurvePoint> done = store.get(target, ber);
            CurvePoint p = done.orElseGet(() -> {
                double[] acc = new double[trials];
                for (int t = 0; t < trials; t++) {
                    var img = clean.image().copy();
                    Injector.inject(img, StoredSynapseStore.TENSOR, errors.apply(ber),
                            Seeds.stream(seed, STREAM, modelId, Double.doubleToLongBits(ber), t));
                    clean.withImage(img).readAll(w);
                    acc[t] = accuracy(m, w, test, images, threads);
                }
                CurvePoint q = new CurvePoint(ber, acc);
                store.put(target, q);
                return q;
            });
            points.add(p);
            log.accept(String.format("%s BER %.3g: mean %.4f +- %.4f%s", target, ber, p.mean(), p.ci95HalfWidth(),
                    done.isPresent() ? " (from checkpoint)" : ""));
        }
        OptionalDouble tol = new ToleranceCriterion(errorFree, delta).tolerableBer(points);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("error_free", errorFree);
        r.put("tolerable_ber", tol.isPresent() ? tol.getAsDouble() : 0.0);
        List<Object> curve = new ArrayList<>();
        for (CurvePoint p : points) {
            Map<String, Object> q = CurveExport.point(p);
            q.put("accuracies", p.accuracies());
            curve.add(q);
        }
        r.put("curve", curve);
        return r;
    }

    private static double accuracy(SnnModel m, float[] w, ImageDataset test, int images, int threads) {
        int[] pred = new SnnEvaluator(m, w.clone(), threads).predict(test, images, m.seed(), TEST_STREAM);
        return SnnEvaluator.accuracy(pred, test.slice(0, images));
    }

    /** The curve of a stage result written by {@link #run}. */
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
