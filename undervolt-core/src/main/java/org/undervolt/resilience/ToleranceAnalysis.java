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
 *       the same acceptance rule. If it fails, all rates are scaled down one grid step at a time
 *       (at most two decades) until it passes; the scale is reported.</li>
 * </ul>
 */
public final class ToleranceAnalysis {
    /** Target id of the coarse search. */
    public static final String NETWORK = "network";

    /**
     * The validated combination.
     *
     * @param bers      BER of each site (id to rate) at the reported scale
     * @param scale     factor applied to the fine-grained tolerable BERs (1 when they held as found)
     * @param point     the measured point (its {@code ber} field holds the scale)
     * @param validated whether the acceptance rule held at that scale
     */
    public record Combination(Map<String, Double> bers, double scale, CurvePoint point, boolean validated) {
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

    /** Validates every site at its fine-grained tolerable BER together. */
    public Combination combination(List<ToleranceSearch.Result> fine) {
        StorageSetup setup = evaluator.faults().setup();
        Map<Site, Double> base = new LinkedHashMap<>();
        for (int i = 0; i < setup.sites().size(); i++) {
            base.put(setup.sites().get(i), fine.get(i).tolerableBer());
        }
        double step = Math.pow(10, -1.0 / search.settings().pointsPerDecade());
        int maxSteps = 2 * search.settings().pointsPerDecade();
        double scale = 1;
        CurvePoint p = null;
        for (int k = 0; k <= maxSteps; k++) {
            scale = k == 0 ? 1 : Math.pow(step, k);
            p = search.measure("combination", trials(TrialFamily.scaled(base)), scale);
            if (search.accepts("combination", p)) {
                return new Combination(ids(scaled(base, scale)), scale, p, true);
            }
        }
        return new Combination(ids(scaled(base, scale)), scale, p, false);
    }

    private static Map<Site, Double> scaled(Map<Site, Double> base, double scale) {
        Map<Site, Double> m = new LinkedHashMap<>();
        base.forEach((k, v) -> m.put(k, v * scale));
        return m;
    }

    private static Map<String, Double> ids(Map<Site, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.id(), v));
        return out;
    }
}
