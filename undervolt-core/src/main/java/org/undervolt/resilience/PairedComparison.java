package org.undervolt.resilience;

import java.util.SplittableRandom;

import org.undervolt.random.Seeds;

/**
 * Two networks of the same shape compared at one BER on the <em>same</em> error draws and the <em>same</em> test
 * images: trial {@code t} opens both networks with identical random streams, so the same bits of the stored weights
 * flip in both (their images have the same layout), and both classify every test image under that draw.
 *
 * <p>Per image {@code j} the statistic is {@code s_j = Σ_t (a_tj − b_tj)}, the number of trials in which network
 * A was right and B wrong minus the reverse ({@code a_tj}, {@code b_tj} ∈ {0, 1}). With the draws fixed, the test
 * images are independent draws from the test distribution, so the {@code s_j} are independent:
 * <ul>
 *   <li>the accuracy difference {@code Σ s_j / (T n)} gets a normal 95 % interval from their sample variance
 *       (central limit theorem; the pipelines use thousands of images);</li>
 *   <li>the hypothesis "A is no better than B" is tested by the exact one-sided sign test over the images with
 *       {@code s_j ≠ 0} (Dixon and Mood, JASA 1946): under it a non-zero {@code s_j} is at most as likely positive
 *       as negative, so {@code p = P(Bin(m, 1/2) ≥ m₊)}.</li>
 * </ul>
 * The confidence is conditional on the {@code T} draws measured (a device's weak cells are one such draw); more
 * trials cover more draws. Two accuracies measured on independent draws would carry the draw-to-draw spread of both
 * networks; pairing removes it, which is what lets a one-point difference show at a few thousand images.
 *
 * @param ber            axis BER of the draws
 * @param trials         draws {@code T}
 * @param images         test images {@code n}
 * @param accuracyA      A's mean accuracy over the draws
 * @param accuracyB      B's mean accuracy over the same draws
 * @param difference     {@code accuracyA − accuracyB}
 * @param low95          lower end of the two-sided 95 % interval of the difference
 * @param high95         upper end
 * @param imagesABetter  images with {@code s_j > 0}
 * @param imagesBBetter  images with {@code s_j < 0}
 * @param pValue         one-sided exact sign-test p-value of "A is no better than B"
 */
public record PairedComparison(double ber, int trials, int images, double accuracyA, double accuracyB,
        double difference, double low95, double high95, int imagesABetter, int imagesBBetter, double pValue) {

    /** Identity of the comparison's random streams (apart from the tolerance search's, whatever the BER). */
    static final long STREAM = 0x5041495245444350L; // "PAIREDCP"

    /** Two-sided 95 % normal quantile. */
    private static final double Z95 = 1.959963984540054;

    /**
     * Compares {@code a} with {@code b} at {@code ber} over {@code trials} draws from {@code seed}.
     *
     * @throws IllegalArgumentException if the two do not have the same number of test images
     */
    public static PairedComparison of(PairedTrials a, PairedTrials b, double ber, int trials, long seed) {
        int n = a.images();
        if (b.images() != n) {
            throw new IllegalArgumentException("paired networks need the same test images: " + n + " vs " + b.images());
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + trials);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] s = new int[n];
        long correctA = 0;
        long correctB = 0;
        for (int t = 0; t < trials; t++) {
            boolean[] ca = a.open(ber, stream(seed, ber, t)).correct(order, 0, n).correct();
            boolean[] cb = b.open(ber, stream(seed, ber, t)).correct(order, 0, n).correct();
            for (int j = 0; j < n; j++) {
                correctA += ca[j] ? 1 : 0;
                correctB += cb[j] ? 1 : 0;
                s[j] += (ca[j] ? 1 : 0) - (cb[j] ? 1 : 0);
            }
        }
        return of(ber, trials, s, (double) correctA / ((long) trials * n), (double) correctB / ((long) trials * n));
    }

    /** The statistics of per-image differences {@code s} (each in {@code -trials..trials}). */
    static PairedComparison of(double ber, int trials, int[] s, double accuracyA, double accuracyB) {
        int n = s.length;
        double sum = 0;
        int plus = 0;
        int minus = 0;
        for (int v : s) {
            sum += v;
            plus += v > 0 ? 1 : 0;
            minus += v < 0 ? 1 : 0;
        }
        double mean = sum / n; // in trials
        double squares = 0;
        for (int v : s) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double difference = mean / trials;
        double half = Z95 * sd / Math.sqrt(n) / trials;
        return new PairedComparison(ber, trials, n, accuracyA, accuracyB, difference, difference - half,
                difference + half, plus, minus, signTestUpper(plus, plus + minus));
    }

    /** {@code P(Bin(m, 1/2) ≥ k)}, exact, summed in log space (no overflow for any {@code m}). */
    static double signTestUpper(int k, int m) {
        if (k <= 0) {
            return 1;
        }
        if (k > m) {
            return 0;
        }
        double logTerm = logChoose(m, k) - m * Math.log(2);
        double p = 0;
        for (int i = k; i <= m; i++) {
            p += Math.exp(logTerm);
            logTerm += Math.log((double) (m - i) / (i + 1)); // C(m, i+1) / C(m, i)
        }
        return Math.min(1, p);
    }

    private static double logChoose(int m, int k) {
        double r = 0;
        int small = Math.min(k, m - k);
        for (int i = 1; i <= small; i++) {
            r += Math.log((double) (m - small + i) / i);
        }
        return r;
    }

    /** Draw {@code trial}'s stream at {@code ber}: the same for every network compared. */
    static SplittableRandom stream(long seed, double ber, int trial) {
        return Seeds.stream(seed, STREAM, Double.doubleToLongBits(ber), trial);
    }

    /** Whether A is better than B at one-sided level {@code alpha} (sign test). */
    public boolean aBetter(double alpha) {
        return pValue < alpha;
    }
}
