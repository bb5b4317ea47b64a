package org.undervolt.dram.error;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Fits every error model to a characterisation bitmap by maximum likelihood and ranks them by AIC
 * (issue 4 item 5; EDEN fits its models to real devices the same way, docs/PAPERS.md §2.2).
 *
 * <ul>
 *   <li>uniform (model 0): {@code ber = failures / cells}.</li>
 *   <li>data-dependent (model 3): {@code p01}, {@code p10} = failures among cells holding 0 / 1,
 *       over those cells.</li>
 *   <li>bitline (1), wordline (2), location (weak subarrays): a two-component mixture over units
 *       (bitlines, rows, subarrays) of {@code m} cells — a unit is weak with probability {@code w}
 *       and then each cell fails with probability {@code f}; otherwise none fails. Fitted by EM
 *       (Dempster, Laird and Rubin 1977): units with a failure are weak for sure, units without are
 *       weak with posterior {@code w(1-f)^m / (w(1-f)^m + 1 - w)}.</li>
 * </ul>
 * Likelihoods are of the exact set of failed cells, so they are comparable across models.
 */
public final class ErrorModelFitter {
    private static final int MAX_ITERATIONS = 100_000;
    private static final double TOLERANCE = 1e-13;

    private ErrorModelFitter() {
    }

    /** All models' fits, best (lowest AIC) first. */
    public static List<ModelFit> fitAll(ErrorBitmap b) {
        List<ModelFit> fits = new java.util.ArrayList<>(List.of(uniform(b), dataDependent(b),
                mixture(b, "bitline", "pb", "fb", b.banks() * (long) b.subarrays() * b.rowBits(), b.rows(), b::bitline),
                mixture(b, "wordline", "pw", "fw", b.banks() * (long) b.subarrays() * b.rows(), b.rowBits(), b::wordline),
                mixture(b, "location", "weak_fraction", "ber", b.banks() * (long) b.subarrays(),
                        (long) b.rows() * b.rowBits(), b::subarray)));
        fits.sort(Comparator.comparingDouble(ModelFit::aic));
        return fits;
    }

    /** {@code k ln p + (n - k) ln(1 - p)}, with 0 ln 0 = 0. */
    static double bernoulliLogLikelihood(long k, long n, double p) {
        return (k == 0 ? 0 : k * Math.log(p)) + (n - k == 0 ? 0 : (n - k) * Math.log1p(-p));
    }

    public static ModelFit uniform(ErrorBitmap b) {
        double p = (double) b.failures() / b.cells();
        return new ModelFit("uniform", Map.of("ber", p), bernoulliLogLikelihood(b.failures(), b.cells(), p), 1, b.cells());
    }

    public static ModelFit dataDependent(ErrorBitmap b) {
        long ones = b.onesCells();
        long zeros = b.cells() - ones;
        long failedOnes = 0;
        for (long cell : b.failed()) {
            failedOnes += b.storedBit(cell);
        }
        long failedZeros = b.failures() - failedOnes;
        double p01 = zeros == 0 ? 0 : (double) failedZeros / zeros;
        double p10 = ones == 0 ? 0 : (double) failedOnes / ones;
        // With a solid pattern (all 0s or all 1s) only one rate is identifiable.
        int k = (zeros > 0 ? 1 : 0) + (ones > 0 ? 1 : 0);
        return new ModelFit("data-dependent", Map.of("p01", p01, "p10", p10),
                bernoulliLogLikelihood(failedZeros, zeros, p01) + bernoulliLogLikelihood(failedOnes, ones, p10),
                k, b.cells());
    }

    /**
     * The weak-unit mixture over {@code units} units of {@code m} cells each; {@code unitOf} maps a
     * failed cell to its unit.
     */
    static ModelFit mixture(ErrorBitmap b, String model, String weakName, String failName, long units, long m,
                            LongUnaryOperator unitOf) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long cell : b.failed()) {
            counts.merge(unitOf.applyAsLong(cell), 1, Integer::sum);
        }
        long failing = counts.size();
        long quiet = units - failing;
        long k = b.failures();
        if (k == 0) {
            return new ModelFit(model, Map.of(weakName, 0.0, failName, 0.0), 0, 2, b.cells());
        }
        double w = (double) failing / units;
        double f = (double) k / (failing * (double) m);
        for (int it = 0; it < MAX_ITERATIONS && quiet > 0; it++) {
            double r = posteriorWeak(w, f, m);
            double weak = failing + quiet * r;
            double w2 = weak / units;
            double f2 = k / (weak * m);
            boolean done = Math.abs(w2 - w) <= TOLERANCE * w && Math.abs(f2 - f) <= TOLERANCE * f;
            w = w2;
            f = f2;
            if (done) {
                break;
            }
        }
        double logL = mixtureLogLikelihood(counts.values(), quiet, m, w, f);
        // EM creeps towards the boundary w = 1 (every unit weak: the uniform model) without reaching
        // it; compare with the boundary itself, so the fit is never worse than the model it nests.
        double fAll = k / (units * (double) m);
        double logLAll = mixtureLogLikelihood(counts.values(), quiet, m, 1, fAll);
        if (logLAll > logL) {
            w = 1;
            f = fAll;
            logL = logLAll;
        }
        return new ModelFit(model, Map.of(weakName, w, failName, f), logL, 2, b.cells());
    }

    private static double mixtureLogLikelihood(java.util.Collection<Integer> counts, long quiet, long m,
                                               double w, double f) {
        double logL = 0;
        for (int c : counts) {
            logL += Math.log(w) + bernoulliLogLikelihood(c, m, f);
        }
        if (quiet > 0) {
            // ln(w (1-f)^m + 1 - w), computed stably.
            double allSurvive = Math.exp(m * Math.log1p(-f));
            logL += quiet * Math.log1p(-w * (1 - allSurvive));
        }
        return logL;
    }

    private static double posteriorWeak(double w, double f, long m) {
        double weakQuiet = w * Math.exp(m * Math.log1p(-f));
        double all = weakQuiet + 1 - w;
        return all > 0 ? weakQuiet / all : 1;
    }
}
