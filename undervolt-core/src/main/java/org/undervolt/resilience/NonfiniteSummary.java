package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.undervolt.io.Json;

/**
 * The non-finite values a tolerance analysis met (issue 11, "numerical faults"), for its result JSON:
 * totals over every trial of every point in its {@link PointStore}, and the points where any occurred,
 * trial by trial. The counts are kept with the points, so a resumed analysis reports the same numbers as
 * an uninterrupted one.
 */
final class NonfiniteSummary {
    /** How a DNN evaluation treats non-finite outputs ({@code nn.train.Evaluator}). */
    static final String DNN_HANDLING = "an output row with a NaN is a wrong prediction; a row with infinities "
            + "but no NaN is classified by float order (+Inf wins); the run continues";
    /** How an SNN evaluation treats non-finite weights ({@code snn.SnnEvaluator}). */
    static final String SNN_HANDLING = "a weight read as NaN or an infinity conducts nothing (read as 0); "
            + "the run continues";

    private NonfiniteSummary() {
    }

    /**
     * @param store    the analysis' points, with their counts
     * @param counts   what a count is, e.g. "test images whose output held a NaN or an infinity"
     * @param handling what the evaluation does with them
     */
    static Summary of(PointStore store, String counts, String handling) {
        long total = 0;
        int trials = 0;
        int affected = 0;
        int uncounted = 0;
        List<At> where = new ArrayList<>();
        for (Map.Entry<String, int[]> e : store.nonfiniteByPoint().entrySet()) {
            int[] n = e.getValue();
            if (n == null) {
                uncounted++;
                continue;
            }
            long sum = 0;
            for (int c : n) {
                sum += c;
                trials++;
                affected += c > 0 ? 1 : 0;
            }
            total += sum;
            if (sum > 0) {
                int at = e.getKey().lastIndexOf('@');
                where.add(new At(e.getKey().substring(0, at), Double.parseDouble(e.getKey().substring(at + 1)),
                        java.util.Arrays.stream(n).boxed().toList()));
            }
        }
        return new Summary(counts, handling, total, trials, affected, where, uncounted > 0 ? uncounted : null);
    }

    /**
     * The totals: what a count is and how the evaluation handles it, over every trial of every point.
     *
     * @param trialsWithNonfinite trials with at least one
     * @param points              the points where any occurred, trial by trial
     * @param pointsNotCounted    points reused from a points.json written before counting (absent when none)
     */
    record Summary(String counts, String handling, long total, int trials, int trialsWithNonfinite,
            List<At> points, @Json.OmitWhenNull Integer pointsNotCounted) {
    }

    /** One point with non-finite values: its target, BER and each trial's count. */
    record At(String target, double ber, List<Integer> perTrial) {
    }
}
