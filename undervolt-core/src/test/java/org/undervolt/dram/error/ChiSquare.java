package org.undervolt.dram.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Pearson's chi-square goodness-of-fit test for the statistical tests of error models and
 * formats: the statistic, its p-value from the regularised upper incomplete gamma function
 * Q(df/2, x/2) (series and continued fraction as in Press et al., <i>Numerical Recipes</i>, §6.2),
 * and merging of sparse bins so every expected count is at least 5.
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** The p-value of a goodness-of-fit test with equal expected counts in every bin. */
    public static double uniformPValue(long[] observed) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        double[] expected = new double[observed.length];
        java.util.Arrays.fill(expected, (double) total / observed.length);
        return pValue(observed, expected, 0);
    }

    /**
     * The p-value of observed counts against expected counts; adjacent bins are merged (left to
     * right) until each expected count reaches 5. {@code fittedParameters} reduce the degrees of
     * freedom.
     */
    public static double pValue(long[] observed, double[] expected, int fittedParameters) {
        List<double[]> bins = new ArrayList<>();
        double o = 0;
        double e = 0;
        for (int i = 0; i < observed.length; i++) {
            o += observed[i];
            e += expected[i];
            if (e >= 5) {
                bins.add(new double[] {o, e});
                o = 0;
                e = 0;
            }
        }
        if (!bins.isEmpty()) {
            double[] last = bins.get(bins.size() - 1);
            last[0] += o;
            last[1] += e;
        } else {
            bins.add(new double[] {o, e});
        }
        double stat = 0;
        for (double[] b : bins) {
            stat += (b[0] - b[1]) * (b[0] - b[1]) / b[1];
        }
        int df = bins.size() - 1 - fittedParameters;
        if (df < 1) {
            throw new IllegalArgumentException("too few bins for a chi-square test: " + bins.size());
        }
        return upperTail(stat, df);
    }

    /** P(X >= stat) for X chi-square with {@code df} degrees of freedom. */
    public static double upperTail(double stat, int df) {
        return regularizedGammaQ(df / 2.0, stat / 2.0);
    }

    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(a) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 relative. */
    static double logGamma(double a) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        a -= 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (a + i);
        }
        double t = a + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (a + 0.5) * Math.log(t) - t + Math.log(s);
    }

    /** Binomial(n, p) probabilities of 0..kMax (the tail above kMax folded into the last entry). */
    public static double[] binomialPmf(long n, double p, int kMax) {
        double[] pmf = new double[kMax + 1];
        double logQ = Math.log1p(-p);
        double total = 0;
        for (int k = 0; k <= kMax && k <= n; k++) {
            double logP = logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0)
                    + k * Math.log(p) + (n - k) * logQ;
            pmf[k] = Math.exp(logP);
            total += pmf[k];
        }
        pmf[kMax] += Math.max(0, 1 - total);
        return pmf;
    }
}
