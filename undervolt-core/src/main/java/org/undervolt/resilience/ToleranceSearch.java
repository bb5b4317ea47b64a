package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.undervolt.InvalidInputException;

/**
 * The largest BER at which a network (or one layer × data type of it) keeps its accuracy: a
 * logarithmic grid walked upwards until the first point that fails {@link Acceptance}, then
 * bisection in log space between the last passing and the first failing point.
 *
 * <p>The search assumes accuracy falls as the BER rises (error rates only rise as voltage falls):
 * it stops the grid at the first failure, so a lucky passing point above a failing one is never
 * chosen. Trial {@code t} at BER {@code b} of target {@code id} draws from
 * {@code Seeds.stream(seed, hash(id), bits(b), t)}, so a point's value depends on nothing but its
 * identity, and a resumed search ({@link PointStore}) equals an uninterrupted one. Where a trial's draws also
 * depend on where an image lies in the order ({@link TargetTrials#orderDependent()}: IFM errors, drawn per batch
 * of positions), full points visit the images in the order of a sequential search of the same seed, so the two
 * modes meet the same errors on every image and differ only where a sequential decision errs (at most
 * {@link SequentialRule#alpha()} per search).
 */
public final class ToleranceSearch {

    /** Where the tolerable BER lies relative to the grid. */
    public enum Status {
        /** Between two evaluated points, narrowed by bisection. */
        FOUND,
        /** Even the smallest grid BER fails: the tolerable BER is below {@code min} (reported as 0). */
        BELOW_GRID,
        /** Even the largest grid BER passes: the tolerable BER is at least {@code max}. */
        ABOVE_GRID
    }

    /**
     * @param target        what was searched, e.g. {@code network} or {@code conv1.weights}
     * @param tolerableBer  the largest BER found to pass (0 when {@link Status#BELOW_GRID})
     * @param failingBer    the smallest BER found to fail (NaN when {@link Status#ABOVE_GRID})
     * @param status        see {@link Status}
     * @param atTolerable   the point measured at {@code tolerableBer} (null when below the grid)
     * @param curve         every point measured, sorted by BER
     */
    public record Result(String target, double tolerableBer, double failingBer, Status status,
            CurvePoint atTolerable, List<CurvePoint> curve) {
    }

    /** Settings of a search. */
    public record Settings(double berMin, double berMax, int pointsPerDecade, int bisections, int trials, long seed) {
        public Settings {
            BerGrid.logarithmic(berMin, berMax, pointsPerDecade); // validates
            if (bisections < 0 || bisections > 30) {
                throw new InvalidInputException("bisections " + bisections + " is out of range: expected 0..30");
            }
            if (trials < 1 || trials > 10000) {
                throw new InvalidInputException("trials " + trials + " is out of range: expected 1..10000");
            }
        }

        public double[] grid() {
            return BerGrid.logarithmic(berMin, berMax, pointsPerDecade);
        }
    }

    /** Told about each point as it finishes (or is found in the store). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (target, p, reused) -> {
        };

        void point(String target, CurvePoint p, boolean reused);
    }

    /** Told after every trial of a {@link #search}, with the trials that search will run at most. */
    @FunctionalInterface
    public interface TrialProgress {
        TrialProgress NONE = (target, done, skipped, total) -> {
        };

        /** As {@link WorkProgress#update}, for the search of {@code target}; points found in the store count as skipped. */
        void trials(String target, long done, long skipped, long total);
    }

    private final Settings settings;
    private final Acceptance acceptance;
    private final PointStore store;
    private final Listener listener;
    private final TrialProgress progress;
    private final SequentialRule sequential;
    private final TrialExecutor executor;
    private int[] order;

    public ToleranceSearch(Settings settings, Acceptance acceptance, PointStore store, Listener listener) {
        this(settings, acceptance, store, listener, TrialProgress.NONE);
    }

    /** As the four-argument constructor, also telling {@code progress} about every trial. */
    public ToleranceSearch(Settings settings, Acceptance acceptance, PointStore store, Listener listener,
            TrialProgress progress) {
        this(settings, acceptance, store, listener, progress, null, TrialExecutor.LOCAL);
    }

    private ToleranceSearch(Settings settings, Acceptance acceptance, PointStore store, Listener listener,
            TrialProgress progress, SequentialRule sequential, TrialExecutor executor) {
        this.settings = settings;
        this.acceptance = acceptance;
        this.store = store;
        this.listener = listener;
        this.progress = progress;
        this.sequential = sequential;
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
    }

    /**
     * This search measuring points sequentially by {@code rule} wherever it is given {@link PairedTrials}
     * ({@link #search(String, TrialEvaluator, PairedTrials)}); {@code null}: every trial on every image.
     */
    public ToleranceSearch withSequential(SequentialRule rule) {
        return new ToleranceSearch(settings, acceptance, store, listener, progress, rule, executor);
    }

    /**
     * This search running the trials of targets that have a {@link TrialRecipe} on {@code executor} (the
     * others run here); the results are the same bits wherever the trials run.
     */
    public ToleranceSearch withExecutor(TrialExecutor executor) {
        return new ToleranceSearch(settings, acceptance, store, listener, progress, sequential, executor);
    }

    /** Where the trials of targets with a recipe run. */
    public TrialExecutor executor() {
        return executor;
    }

    /** How points are evaluated when paired trials are given. */
    public EvaluationMode evaluation() {
        return sequential == null ? EvaluationMode.FULL : EvaluationMode.SEQUENTIAL;
    }

    /** The sequential rule, or null for full evaluation. */
    public SequentialRule sequential() {
        return sequential;
    }

    /**
     * Whether the point {@code p} of {@code target} passes: the decision stored with a sequentially measured
     * point (which may rest on part of the images, at the rule's confidence), else the acceptance rule.
     */
    public boolean accepts(String target, CurvePoint p) {
        Object d = store.extra(target, p.ber()).map(m -> m.get("decision")).orElse(null);
        return d != null ? "pass".equals(d) : acceptance.accepts(p);
    }

    public Settings settings() {
        return settings;
    }

    public Acceptance acceptance() {
        return acceptance;
    }

    /**
     * The point of {@code target} at {@code ber}: from the store, or measured and stored, with each trial's
     * count of non-finite values when the evaluator counts them ({@link PointStore#nonfinite}).
     */
    public CurvePoint measure(String target, TrialEvaluator evaluator, double ber) {
        return measure(target, TargetTrials.local(evaluator, null), ber, null);
    }

    /** As {@link #measure(String, TrialEvaluator, double)}, sequentially on {@code paired} when this search is sequential. */
    public CurvePoint measure(String target, TrialEvaluator evaluator, PairedTrials paired, double ber) {
        return measure(target, TargetTrials.local(evaluator, paired), ber, null);
    }

    /** As {@link #measure(String, TrialEvaluator, double)}: sequentially when this search is, on this search's executor. */
    public CurvePoint measure(String target, TargetTrials trials, double ber) {
        return measure(target, trials, ber, null);
    }

    /** Trials counted for {@link TrialProgress} during one search. */
    private final class Count {
        final String target;
        long done;
        long skipped;
        long total;

        Count(String target, long total) {
            this.target = target;
            this.total = total;
        }

        void tell() {
            progress.trials(target, done, skipped, total);
        }
    }

    private CurvePoint measure(String target, TargetTrials trials, double ber, Count count) {
        var stored = store.get(target, ber);
        if (stored.isPresent()) {
            listener.point(target, stored.get(), true);
            if (count != null) {
                count.done += settings.trials();
                count.skipped += settings.trials();
                count.tell();
            }
            return stored.get();
        }
        TrialExecutor on = trials.recipe() == null ? TrialExecutor.LOCAL : executor;
        PairedTrials paired = sequential != null || trials.orderDependent() ? trials.paired() : null;
        if (paired != null && sequential != null) {
            return measureSequentially(target, trials, paired, on, ber, count);
        }
        if (paired != null) {
            TargetTrials reference = trials.reference();
            return measureInOrder(target, reference, reference.paired(), on, ber, count);
        }
        double[] acc = new double[settings.trials()];
        int[] nonfinite = new int[acc.length];
        boolean counted = true;
        List<TrialEvaluator.Outcome> outcomes = on.full(trials, ber, seeds(target, ber), () -> {
            if (count != null) {
                count.done++;
                count.tell();
            }
        });
        for (int t = 0; t < acc.length; t++) {
            TrialEvaluator.Outcome o = outcomes.get(t);
            acc[t] = o.accuracy();
            nonfinite[t] = o.nonfinite();
            counted &= o.nonfinite() != TrialEvaluator.Outcome.NOT_COUNTED;
        }
        CurvePoint p = new CurvePoint(ber, acc);
        store.put(target, p, counted ? nonfinite : null);
        listener.point(target, p, false);
        return p;
    }

    /**
     * The fixed random order of the images: a sequential search's ({@link SequentialRule#orderSeed()}), and in a
     * full search the order a sequential search of the same seed ({@link SequentialRule#of}) uses.
     */
    private int[] order(int images) {
        if (order == null || order.length != images) {
            order = SequentialPoint.order(images, sequential != null ? sequential.orderSeed() : settings.seed());
        }
        return order;
    }

    /**
     * A full point of trials whose draws depend on the image order ({@link PairedTrials#orderDependent()}): every
     * trial on every image, visited in the order and batches of a sequential search, so that each image meets the
     * same errors in both modes and a sequential decision reproduces the full one (with the rule's confidence).
     */
    private CurvePoint measureInOrder(String target, TargetTrials trials, PairedTrials paired, TrialExecutor on,
            double ber, Count count) {
        int n = paired.images();
        List<PairedTrials.Chunk> all = on.rounds(trials, ber, seeds(target, ber), order(n)).chunk(0, n);
        double[] acc = new double[settings.trials()];
        int[] nonfinite = new int[acc.length];
        boolean counted = true;
        for (int t = 0; t < acc.length; t++) {
            PairedTrials.Chunk c = all.get(t);
            int right = 0;
            for (boolean b : c.correct()) {
                right += b ? 1 : 0;
            }
            // as a full evaluation reports it (Evaluation#accuracy)
            acc[t] = new org.undervolt.nn.train.Evaluation(n, right, Math.max(0, c.nonfinite())).accuracy();
            nonfinite[t] = c.nonfinite();
            counted &= c.nonfinite() != TrialEvaluator.Outcome.NOT_COUNTED;
        }
        if (count != null) {
            count.done += settings.trials();
            count.tell();
        }
        CurvePoint p = new CurvePoint(ber, acc);
        if (paired.propagation().equals("full")) {
            store.put(target, p, counted ? nonfinite : null);
        } else {
            store.put(target, p, counted ? nonfinite : null, Map.of("propagation", paired.propagation()));
        }
        listener.point(target, p, false);
        return p;
    }

    private CurvePoint measureSequentially(String target, TargetTrials trials, PairedTrials paired, TrialExecutor on,
            double ber, Count count) {
        int[] order = order(paired.images());
        int points = settings.grid().length + settings.bisections();
        SequentialPoint.Measured m = SequentialPoint.measure(paired, ber, settings.trials(),
                on.rounds(trials, ber, seeds(target, ber), order), acceptance, order,
                sequential.chunk(), sequential.trialAlpha(points, settings.trials()));
        if (count != null) {
            count.done += settings.trials();
            count.tell();
        }
        Map<String, Object> extra = m.extra();
        if (!paired.propagation().equals("full")) {
            extra.put("propagation", paired.propagation());
        }
        store.put(target, m.point(), m.nonfinite(), extra);
        listener.point(target, m.point(), false);
        return m.point();
    }

    /** The random stream of trial {@code t} of {@code target} at {@code ber}. */
    public SplittableRandom trialStream(String target, double ber, int t) {
        return trialSeed(target, ber, t).stream();
    }

    /** The identity of {@link #trialStream}'s stream, which another JVM opens to the same stream. */
    public TrialSeed trialSeed(String target, double ber, int t) {
        return new TrialSeed(settings.seed(), new long[] {target.hashCode(), Double.doubleToLongBits(ber), t});
    }

    private List<TrialSeed> seeds(String target, double ber) {
        List<TrialSeed> seeds = new ArrayList<>(settings.trials());
        for (int t = 0; t < settings.trials(); t++) {
            seeds.add(trialSeed(target, ber, t));
        }
        return seeds;
    }

    /** Searches the tolerable BER of {@code target}. */
    public Result search(String target, TrialEvaluator evaluator) {
        return search(target, evaluator, null);
    }

    /**
     * Searches the tolerable BER of {@code target}: sequentially on {@code paired} when this search is
     * sequential and {@code paired} is given, else with {@code evaluator} on every image.
     */
    public Result search(String target, TrialEvaluator evaluator, PairedTrials paired) {
        return search(target, TargetTrials.local(evaluator, paired));
    }

    /**
     * Searches the tolerable BER of {@code target}: sequentially when this search is sequential and the
     * target has paired trials, else every trial on every image; on this search's executor when the target
     * has a recipe.
     */
    public Result search(String target, TargetTrials trials) {
        List<CurvePoint> curve = new ArrayList<>();
        CurvePoint lastPass = null;
        CurvePoint firstFail = null;
        double[] grid = settings.grid();
        int perPoint = settings.trials();
        // at most the whole grid and every bisection; known exactly once the first grid point fails
        Count count = new Count(target, (long) (grid.length + settings.bisections()) * perPoint);
        count.tell();
        for (double ber : grid) {
            CurvePoint p = measure(target, trials, ber, count);
            curve.add(p);
            if (!accepts(target, p)) {
                firstFail = p;
                break;
            }
            lastPass = p;
        }
        count.total = (long) curve.size() * perPoint + (lastPass != null && firstFail != null ? (long) settings.bisections() * perPoint : 0);
        count.tell();
        if (lastPass == null) {
            return new Result(target, 0, firstFail.ber(), Status.BELOW_GRID, null, sorted(curve));
        }
        if (firstFail == null) {
            return new Result(target, lastPass.ber(), Double.NaN, Status.ABOVE_GRID, lastPass, sorted(curve));
        }
        double lo = lastPass.ber();
        double hi = firstFail.ber();
        for (int i = 0; i < settings.bisections(); i++) {
            double mid = Math.sqrt(lo * hi); // midpoint in log space
            CurvePoint p = measure(target, trials, mid, count);
            curve.add(p);
            if (accepts(target, p)) {
                lo = mid;
                lastPass = p;
            } else {
                hi = mid;
            }
        }
        return new Result(target, lo, hi, Status.FOUND, lastPass, sorted(curve));
    }

    private static List<CurvePoint> sorted(List<CurvePoint> curve) {
        List<CurvePoint> s = new ArrayList<>(curve);
        s.sort(Comparator.comparingDouble(CurvePoint::ber));
        return List.copyOf(s);
    }
}
