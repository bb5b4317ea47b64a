package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.undervolt.random.Permutations;
import org.undervolt.random.Seeds;

/**
 * One point of a tolerance search measured sequentially ({@link SequentialRule}): every trial draws its
 * errors once, then all trials evaluate the same chunk of test images (in the search's fixed random order)
 * and compare each prediction with the error-free one. Image {@code i} adds {@code d_i = clean_i - faulty_i}
 * (1 lost, -1 gained, 0 unchanged) to its trial's loss, whose full-test-set value {@code L_t} is the
 * finite-population mean of the {@code d_i}: the share of lost images minus the share of gained ones. Each
 * share gets its own {@link WithoutReplacementCs} at half the trial's level (a union bound), valid at every
 * look; their difference bounds {@code L_t}. Bounding the two 0/1 shares apart, rather than {@code (d_i + 1) / 2}
 * at once, lets a trial that changes few predictions settle about twice as early: a confidence sequence's width
 * when it has seen only zeros is about {@code log(2/alpha) / (0.75 n)} of its range, and a share's range is
 * half that of {@code (d_i + 1) / 2} on the loss scale. After each chunk the acceptance rule is checked over the box of
 * accuracies {@code clean - L_t} ({@link AccuracyBox}); the point stops once it is settled, or when every
 * image is used (then the accuracies are exact).
 *
 * <p>Each trial's stored accuracy is {@code clean - mean(d)} over the images it used, an unbiased estimate
 * of its full-test-set accuracy; the point's decision is the sequential one, stored beside it.
 */
public final class SequentialPoint {
    /** Stream id of the image order under the rule's seed. */
    static final long ORDER_STREAM = 0x4F52_4445_52L;

    /**
     * @param point     per-trial accuracy estimates
     * @param nonfinite per-trial non-finite counts, or null when not counted
     * @param images    images each trial used
     * @param accepted  the sequential decision
     * @param settled   false when the images ran out first (the decision is then the full test set's)
     * @param lossLo    per-trial lower confidence bound of the loss at the stop
     * @param lossHi    per-trial upper bound
     */
    public record Measured(CurvePoint point, int[] nonfinite, int[] images, boolean accepted, boolean settled,
            double[] lossLo, double[] lossHi) {

        /** What the point store keeps beside the accuracies (JSON). */
        public Map<String, Object> extra() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evaluation", EvaluationMode.SEQUENTIAL.id());
            m.put("images", images);
            m.put("decision", accepted ? "pass" : "fail");
            m.put("settled_early", settled);
            m.put("loss_lower", lossLo);
            m.put("loss_upper", lossHi);
            return m;
        }
    }

    private SequentialPoint() {
    }

    /** The fixed order of {@code n} test images under {@code seed} (Fisher-Yates). */
    public static int[] order(int n, long seed) {
        return Permutations.random(n, Seeds.stream(seed, ORDER_STREAM));
    }

    /**
     * Measures one point.
     *
     * @param trials     the paired trials
     * @param ber        the point's BER
     * @param streams    one random stream per trial (as the full evaluation would use them)
     * @param acceptance the decision to settle
     * @param order      image order ({@link #order})
     * @param chunk      images per look
     * @param alpha      level of each trial's confidence sequence
     */
    public static Measured measure(PairedTrials trials, double ber, List<SplittableRandom> streams,
            Acceptance acceptance, int[] order, int chunk, double alpha) {
        List<PairedTrials.Trial> open = new ArrayList<>(streams.size());
        for (SplittableRandom s : streams) {
            open.add(trials.open(ber, s));
        }
        return measure(trials, ber, open.size(), (from, to) -> LocalTrialExecutor.look(open, order, from, to),
                acceptance, order, chunk, alpha);
    }

    /**
     * The trials of one point, looked at chunk by chunk: wherever they run ({@link TrialExecutor}), the
     * chunks of a look must be those of trials opened once from their streams.
     */
    @FunctionalInterface
    public interface Rounds {
        /** Each trial's chunk of the images at positions {@code from..to} of the order, in trial order. */
        List<PairedTrials.Chunk> chunk(int from, int to);
    }

    /**
     * As {@link #measure(PairedTrials, double, List, Acceptance, int[], int, double)}, the trials' chunks
     * given by {@code rounds}; {@code trials} supplies the images and the error-free predictions.
     *
     * @param t the number of trials
     */
    public static Measured measure(PairedTrials trials, double ber, int t, Rounds rounds, Acceptance acceptance,
            int[] order, int chunk, double alpha) {
        int n = trials.images();
        double clean = trials.cleanAccuracy();
        List<WithoutReplacementCs> lost = new ArrayList<>(t);
        List<WithoutReplacementCs> gained = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            lost.add(new WithoutReplacementCs(n, alpha / 2));
            gained.add(new WithoutReplacementCs(n, alpha / 2));
        }
        long[] net = new long[t]; // lost minus gained images so far
        int[] nonfinite = new int[t];
        boolean counted = true;
        double[] lo = new double[t];
        double[] hi = new double[t];
        int used = 0;
        AccuracyBox.Verdict v = AccuracyBox.Verdict.OPEN;
        while (v == AccuracyBox.Verdict.OPEN && used < n) {
            int to = Math.min(n, used + chunk);
            List<PairedTrials.Chunk> look = rounds.chunk(used, to);
            for (int k = 0; k < t; k++) {
                PairedTrials.Chunk c = look.get(k);
                if (c.nonfinite() == TrialEvaluator.Outcome.NOT_COUNTED) {
                    counted = false;
                } else {
                    nonfinite[k] += c.nonfinite();
                }
                WithoutReplacementCs l = lost.get(k);
                WithoutReplacementCs g = gained.get(k);
                for (int i = used; i < to; i++) {
                    int d = (trials.cleanCorrect(order[i]) ? 1 : 0) - (c.correct()[i - used] ? 1 : 0);
                    l.add(d > 0 ? 1 : 0);
                    g.add(d < 0 ? 1 : 0);
                    net[k] += d;
                }
                // accuracy = clean - L, L = lost share - gained share
                lo[k] = clean - (l.upper() - g.lower());
                hi[k] = clean - (l.lower() - g.upper());
            }
            used = to;
            v = AccuracyBox.verdict(acceptance, lo, hi);
        }
        double[] acc = new double[t];
        double[] lossLo = new double[t];
        double[] lossHi = new double[t];
        int[] images = new int[t];
        for (int k = 0; k < t; k++) {
            WithoutReplacementCs l = lost.get(k);
            WithoutReplacementCs g = gained.get(k);
            images[k] = l.size();
            acc[k] = clean - (double) net[k] / images[k];
            lossLo[k] = l.lower() - g.upper();
            lossHi[k] = l.upper() - g.lower();
        }
        CurvePoint p = new CurvePoint(ber, acc);
        boolean settled = v != AccuracyBox.Verdict.OPEN;
        boolean accepted = settled ? v == AccuracyBox.Verdict.PASS : acceptance.accepts(p);
        return new Measured(p, counted ? nonfinite : null, images, accepted, settled && used < n, lossLo, lossHi);
    }
}
