package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.data.ImageDataset;
import org.undervolt.io.Json;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.PairedCrossing;
import org.undervolt.resilience.PointStore;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.resilience.WeightStorage;
import org.undervolt.storage.FormatSpec;

/**
 * Is fault-aware training's tolerable BER above its control's, on shared draws and at a stated confidence? The two
 * tolerance searches each drew their own errors and stop at their grid's resolution; {@code fat-vs-control} compares
 * accuracies at one BER. This stage locates both crossings on the same draws ({@link PairedCrossing}): between the
 * largest BER both searches passed and the smallest both failed, halved {@link #BISECTIONS} more times than the
 * searches' grid (finer steps than the draws' noise resolves would only add points), extended by whole spans where a
 * network's crossing lies outside, both networks on the search's {@code trials} draws at every point, and a paired
 * bootstrap over the draws for the confidence that fault-aware training's crossing lies above the control's.
 * Resumable point by point ({@link #CHECKPOINT} in the stage's folder).
 */
final class FatControlCrossingStage {
    /** Halvings of the span between the searches' common passing and failing BERs. */
    static final int BISECTIONS = 1;

    /** Confidence at which "fault-aware tolerates more" is stated. */
    static final double LEVEL = 0.95;

    /**
     * The checkpoint in the stage's folder (not {@code points.json}, the tolerance searches' name, whose trials the
     * results store records).
     */
    static final String CHECKPOINT = "paired-points.json";

    static final String QUESTION = "tolerable BER of fault-aware vs control on shared draws (paired bisection)";

    private FatControlCrossingStage() {
    }

    /** The config key of the stage's draws per point and network; null (the presets') means {@code trials}. */
    static final String DRAWS_KEY = "paired_draws";

    /**
     * Draws per point and network: {@value #DRAWS_KEY}, or the searches' {@code trials} where it is null. Raising it
     * on a finished run redoes this stage alone ({@link PipelineKeys#REDOES}), keeping every draw measured.
     */
    static int draws(PipelineConfig c) {
        Integer d = c.optionalInteger(DRAWS_KEY, 2, 10_000);
        return d != null ? d : c.integer("trials", 2, 10_000);
    }

    /**
     * One network's crossing.
     *
     * @param tolerableBer largest BER passing below the first failing one on the shared draws (0: below the range)
     * @param failingBer   first failing BER (null: none up to the range's end)
     * @param status       located, above (passes up to the range's end) or below (fails down to its start)
     */
    record Network(double tolerableBer, Double failingBer, String status) {
        static Network of(PairedCrossing.Crossing c, PairedCrossing.Result r, int lowest) {
            return new Network(c.crossing() < lowest ? 0 : r.ber(c.crossing()),
                    c.firstFail() == null ? null : r.ber(c.firstFail()), c.status());
        }
    }

    /** One point: both networks' accuracy per draw (the same draws) and their means. */
    record Point(double ber, double faultAwareMean, double controlMean, double[] faultAware, double[] control) {
    }

    /**
     * The stage's result as JSON.
     *
     * @param gridStep            ratio of neighbouring grid BERs
     * @param ratio               fault-aware's tolerable BER over the control's (absent when the control's is 0)
     * @param confidence          share of bootstrap replicates with fault-aware's crossing above the control's
     * @param tie                 share with both at the same point
     * @param stepsLow            2.5 % quantile of fault-aware's crossing minus the control's, in grid steps
     * @param stepsMedian         median of it
     * @param stepsHigh           97.5 % quantile
     * @param faultAwareHigher    {@code confidence >= } {@link #LEVEL}
     */
    record Result(String question, double lo, double hi, int stepsPerSpan, double gridStep, int draws, int testImages,
            String criterion, Network faultAware, Network control, @Json.OmitWhenNull Double ratio, double confidence, double tie,
            int stepsLow, int stepsMedian, int stepsHigh, boolean faultAwareHigher, int replicates, List<Point> points,
            String method, String line) {
    }

    /** Why no comparison was made. */
    record Skipped(String question, String skipped) {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Path fat, Path control, Map<String, Object> tolerance, PipelineConfig c,
            FormatSpec format, ImageDataset test, int threads, WeightStorage storage, Path dir, Consumer<String> log) {
        Map<String, Object> f = (Map<String, Object>) tolerance.get("fault_aware");
        Map<String, Object> k = (Map<String, Object>) tolerance.get("control");
        double tf = FatControlStage.controlTolerable(f);
        double tk = FatControlStage.controlTolerable(k);
        Double ff = FatControlStage.firstFailing(SnnToleranceStage.curve(f), tf);
        Double fk = FatControlStage.firstFailing(SnnToleranceStage.curve(k), tk);
        String why = tf <= 0 || tk <= 0 ? "a network failed the lowest BER of its search: there is no common passing BER"
                : ff == null || fk == null ? "a network passed every BER of its search's axis: there is no common "
                        + "failing BER" + (storage == null ? "" : " (with the location model the axis ends at the "
                        + "device's lowest voltage; set weak_fraction 1 for the uniform model)") : null;
        if (why != null) {
            return Json.fields(new Skipped(QUESTION, why));
        }
        double lo = Math.min(tf, tk);
        double hi = Math.max(ff, fk);
        int n = (int) c.integer("test_images", 1, test.size());
        int draws = draws(c);
        long seed = c.integer("seed", 0L, Long.MAX_VALUE);
        double reference = PipelineSummary.num(f.get("reference_accuracy"));
        Acceptance acceptance = new Acceptance(reference, c.number("delta", 0, 1),
                Acceptance.Rule.parse(c.text("confidence")));
        var settings = new PairedCrossing.Settings(lo, hi, BISECTIONS, c.number("tolerance_ber_min", 1e-12, 1),
                c.number("tolerance_ber_max", 1e-12, 1), draws, seed);
        ImageDataset slice = test.slice(0, n);
        SnnStoredTrials a = FatControlStage.trials(fat, c, format, slice, threads, storage);
        SnnStoredTrials b = FatControlStage.trials(control, c, format, slice, threads, storage);
        String fatName = org.undervolt.resilience.ModelIdentity.of(fat);
        String controlName = org.undervolt.resilience.ModelIdentity.of(control);
        String identity = String.format(Locale.ROOT, "paired crossing fat=%s control=%s %s format=%s errors=%s device=%d "
                + "correction=%s seed=%d test=%d lo=%s hi=%s steps=%d range=[%s,%s] criterion=%s", fatName, controlName,
                storage == null ? "" : storage.key(), format.name(), c.text("error_model"),
                c.integer("device_seed", 0L, Long.MAX_VALUE), c.text("read_correction"), seed, n, lo, hi,
                1 << BISECTIONS, settings.berMin(), settings.berMax(), acceptance.threshold());
        // the draws are not part of the identity: draw t is the same bits whatever their number, so a point keeps
        // the draws it has and adds more (PairedCrossing); the models enter by content (ModelIdentity). A checkpoint
        // written when the identity still named the draws, or the models' paths, holds the same measurements
        String byPath = org.undervolt.resilience.ModelIdentity.byPath(identity, new String[] {fatName, controlName},
                new Path[] {fat, control});
        PointStore store = PointStore.open(dir.resolve(CHECKPOINT), identity, stored -> {
            String withoutDraws = stored.replaceFirst(" draws=\\d+ ", " ");
            return withoutDraws.equals(identity) || withoutDraws.equals(byPath);
        });
        PairedCrossing.Result r = new PairedCrossing(settings, a, b, acceptance, store, log).run();
        return Json.fields(result(r, n, acceptance));
    }

    static Result result(PairedCrossing.Result r, int images, Acceptance acceptance) {
        int lowest = r.points().get(0).index();
        Network fa = Network.of(r.a(), r, lowest);
        Network co = Network.of(r.b(), r, lowest);
        List<Point> pts = new ArrayList<>();
        for (PairedCrossing.Point p : r.points()) {
            pts.add(new Point(p.ber(), new CurvePoint(p.ber(), p.a()).mean(), new CurvePoint(p.ber(), p.b()).mean(),
                    p.a(), p.b()));
        }
        var s = r.settings();
        double step = StrictMath.pow(s.hi() / s.lo(), 1.0 / (1 << s.bisections()));
        Double ratio = co.tolerableBer() > 0 ? fa.tolerableBer() / co.tolerableBer() : null;
        boolean higher = r.aAbove() >= LEVEL;
        String line = String.format(Locale.ROOT, "on %d shared draws x %d images: fault-aware tolerates %s (%s), the "
                + "control %s (%s), ratio %s; fault-aware's crossing lies above the control's in %.1f%% of %d paired "
                + "bootstrap replicates (ties %.1f%%; difference %+d [%+d, %+d] grid steps of x%.4f): %s", s.draws(),
                images, ber(fa.tolerableBer()), fa.status(), ber(co.tolerableBer()), co.status(), ratio == null ? "-" : String.format(Locale.ROOT, "%.3f", ratio),
                100 * r.aAbove(), PairedCrossing.REPLICATES, 100 * r.tie(), r.stepsQuantiles()[1],
                r.stepsQuantiles()[0], r.stepsQuantiles()[2], step, higher
                        ? "fault-aware training's tolerable BER beats its control's at " + Math.round(100 * LEVEL)
                                + "% confidence"
                        : "fault-aware training's higher tolerable BER is not established at " + Math.round(100 * LEVEL)
                                + "% confidence");
        return new Result(QUESTION, s.lo(), s.hi(), 1 << s.bisections(), step, s.draws(), images,
                acceptance.describe(), fa, co, ratio, r.aAbove(), r.tie(), r.stepsQuantiles()[0],
                r.stepsQuantiles()[1], r.stepsQuantiles()[2], higher, PairedCrossing.REPLICATES, pts,
                "both networks on the same draws at every point (draw t at BER b from the fat-vs-control stream); "
                        + "crossing = largest passing BER below the first failing one; paired percentile bootstrap "
                        + "over draws (Efron & Tibshirani 1993), ties count against fault-aware; conditional on the "
                        + "test images",
                line);
    }

    private static String ber(double b) {
        return b <= 0 ? "none" : String.format(Locale.ROOT, "%.4g", b);
    }

    /** The stage's line for reports, or why it was skipped. */
    static String line(Map<String, Object> stage) {
        if (stage == null) {
            return "not measured";
        }
        Object l = stage.get("line");
        return l != null ? String.valueOf(l) : "skipped: " + stage.get("skipped");
    }
}
