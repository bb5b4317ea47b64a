package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EDEN's error-tolerance characterisation (Koppula et al., MICRO 2019, §5; docs/PAPERS.md §2.5):
 * <ul>
 *   <li><b>coarse</b>: every stored site at one BER (the whole network in one DRAM partition);</li>
 *   <li><b>fine</b>: each layer × data type alone at a BER, the others error-free;</li>
 *   <li><b>combination</b>: every site at its own fine-grained tolerable BER at once, validated with
 *       the same acceptance rule. Where it fails, the rate of one site is lowered one grid step and the
 *       combination checked again: the site whose own curve (measured in the fine search) shows the
 *       largest accuracy loss at its current rate, since the losses of the sites add up and that site
 *       adds the most. No site goes below the coarse tolerable BER: every site at that rate is the coarse
 *       configuration, which the coarse search measured and accepted, so the walk ends with a passing
 *       combination at the latest there. That last configuration is not drawn again: the coarse tolerable
 *       BER is the largest BER whose trials passed, so a fresh draw there fails about half the time by
 *       chance alone (winner's curse); its measurement is the coarse search's
 *       ({@link Combination#coarse()}).</li>
 * </ul>
 * EDEN characterises each data type alone and then checks the combination, lowering rates where it
 * fails (§5); the rule for which rate to lower is ours. One global factor on every rate (this class
 * before) threw away the tolerance of the sites that were not the problem: LeNet-5's combination passed
 * only at 0.03 × every fine rate, below the coarse tolerable BER.
 */
public final class ToleranceAnalysis {
    /** Target id of the coarse search. */
    public static final String NETWORK = "network";

    /**
     * The validated combination.
     *
     * @param bers      BER of each site (id to rate) in the combination reported
     * @param scale     geometric mean over the sites of (rate / own fine-grained tolerable BER): 1 when they
     *                  held as found; also the key of the combination's point in the point store
     * @param point     the measured point (its {@code ber} field holds the scale)
     * @param validated whether the acceptance rule held at that scale
     * @param coarse    whether the walk ended at the coarse configuration (every site at the coarse tolerable
     *                  BER), whose measurement is the coarse search's point there
     */
    public record Combination(Map<String, Double> bers, double scale, CurvePoint point, boolean validated,
                              boolean coarse) {
    }

    private final NetworkEvaluator evaluator;
    private final TrialRecipe recipe;
    private final ToleranceSearch search;

    public ToleranceAnalysis(NetworkEvaluator evaluator, ToleranceSearch search) {
        this(evaluator, null, search);
    }

    /**
     * @param recipe builds {@code evaluator} in another JVM, so that the search's {@link TrialExecutor} may run
     *               the trials there; null: they run here
     */
    public ToleranceAnalysis(NetworkEvaluator evaluator, TrialRecipe recipe, ToleranceSearch search) {
        this.evaluator = evaluator;
        this.recipe = recipe;
        this.search = search;
    }

    private TargetTrials trials(TrialFamily family) {
        return new TargetTrials(evaluator, recipe, family);
    }

    /** Coarse-grained: all stored sites at the same BER. */
    public ToleranceSearch.Result coarse() {
        return search.search(NETWORK, trials(TrialFamily.UNIFORM));
    }

    /** Fine-grained: one search per site, in site order. */
    public List<ToleranceSearch.Result> fine() {
        StorageSetup setup = evaluator.faults().setup();
        List<ToleranceSearch.Result> out = new ArrayList<>();
        for (Site s : setup.sites()) {
            out.add(search.search(s.id(), trials(TrialFamily.only(s))));
        }
        return out;
    }

    /**
     * Validates every site at its fine-grained tolerable BER together, lowering the rates of the sites that
     * cost the most accuracy, one grid step at a time, until the combination passes (see the class comment).
     *
     * @param fine   the fine-grained searches, in site order
     * @param coarse the coarse search: its tolerable BER is the floor of every rate
     */
    public Combination combination(List<ToleranceSearch.Result> fine, ToleranceSearch.Result coarse) {
        StorageSetup setup = evaluator.faults().setup();
        List<Site> sites = setup.sites();
        int n = sites.size();
        double step = Math.pow(10, -1.0 / search.settings().pointsPerDecade());
        double floor = coarse.tolerableBer();
        double reference = search.acceptance().baseline();
        double[] own = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            own[i] = fine.get(i).tolerableBer();
            rate[i] = Math.max(own[i], floor);
        }
        while (true) {
            Map<Site, Double> bers = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                bers.put(sites.get(i), rate[i]);
            }
            double scale = scale(own, rate);
            if (floor > 0 && atFloor(rate, floor) && coarse.atTolerable() != null) {
                CurvePoint measured = coarse.atTolerable();
                return new Combination(ids(bers), scale, new CurvePoint(scale, measured.accuracies()), true, true);
            }
            CurvePoint p = search.measure("combination", trials(TrialFamily.fixed(bers)), scale);
            if (search.accepts("combination", p)) {
                return new Combination(ids(bers), scale, p, true, false);
            }
            int worst = -1;
            double worstLoss = -1;
            for (int i = 0; i < n; i++) {
                if (rate[i] <= floor || rate[i] == 0) {
                    continue; // at the floor: every site there passed together
                }
                double loss = lossAt(fine.get(i).curve(), rate[i], reference);
                if (loss > worstLoss || (loss == worstLoss && rate[i] > rate[worst])) {
                    worst = i;
                    worstLoss = loss;
                }
            }
            if (worst < 0) {
                return new Combination(ids(bers), scale, p, false, false);
            }
            double lower = rate[worst] * step;
            rate[worst] = lower < search.settings().berMin() && floor == 0 ? 0 : Math.max(lower, floor);
        }
    }

    /** Whether every site's rate is the coarse tolerable BER: the configuration the coarse search measured. */
    private static boolean atFloor(double[] rate, double floor) {
        for (double r : rate) {
            if (r != floor) {
                return false;
            }
        }
        return true;
    }

    /**
     * The accuracy a site loses on its own at {@code ber}, from its fine-search curve: {@code reference} minus
     * the mean accuracy, interpolated linearly in log BER between measured points; below the lowest point
     * proportional to the BER (the expected number of flips), above the highest point that point's loss.
     */
    static double lossAt(List<CurvePoint> curve, double ber, double reference) {
        if (ber <= 0 || curve.isEmpty()) {
            return 0;
        }
        CurvePoint first = curve.get(0);
        if (ber <= first.ber()) {
            return Math.max(0, reference - first.mean()) * ber / first.ber();
        }
        for (int k = 1; k < curve.size(); k++) {
            CurvePoint hi = curve.get(k);
            if (ber <= hi.ber()) {
                CurvePoint lo = curve.get(k - 1);
                double t = Math.log(ber / lo.ber()) / Math.log(hi.ber() / lo.ber());
                return Math.max(0, reference - (lo.mean() + t * (hi.mean() - lo.mean())));
            }
        }
        return Math.max(0, reference - curve.get(curve.size() - 1).mean());
    }

    /**
     * Geometric mean of rate / own rate over the sites with an own rate; a rate of 0 counts as one grid step
     * below the grid. Every lowering step lowers it, so each combination tried has its own key.
     */
    private double scale(double[] own, double[] rate) {
        double below = search.settings().berMin() * Math.pow(10, -1.0 / search.settings().pointsPerDecade());
        double logSum = 0;
        int counted = 0;
        for (int i = 0; i < own.length; i++) {
            double o = own[i] > 0 ? own[i] : below;
            double r = rate[i] > 0 ? rate[i] : below;
            logSum += Math.log(r / o);
            counted++;
        }
        return counted == 0 ? 1 : Math.exp(logSum / counted);
    }

    private static Map<String, Double> ids(Map<Site, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.id(), v));
        return out;
    }
}
