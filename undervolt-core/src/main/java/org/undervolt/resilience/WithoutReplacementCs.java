package org.undervolt.resilience;

/**
 * A time-uniform confidence sequence for the mean of a finite population of values in [0, 1], sampled
 * one by one without replacement in a uniformly random order: the predictable-mixture empirical-Bernstein
 * confidence sequence for sampling without replacement of Waudby-Smith and Ramdas ("Confidence sequences
 * for sampling without replacement", NeurIPS 2020, §3; the with-replacement form is Theorem 2 of
 * "Estimating means of bounded random variables by betting", JRSS-B 2024, and rests on the
 * empirical-Bernstein supermartingale of Howard et al., Annals of Statistics 2021).
 *
 * <p>With {@code S_{i-1}} the sum of the first {@code i-1} values, the next value's conditional mean is
 * {@code (N m - S_{i-1}) / (N - i + 1)} for population mean {@code m}; for each {@code m} the process
 * {@code prod_i exp(lambda_i (X_i - that mean) - v_i psi(lambda_i))} is a non-negative supermartingale
 * with {@code v_i = 4 (X_i - mu_{i-1})^2}, {@code psi(l) = (-log(1 - l) - l) / 4} and predictable
 * {@code lambda_i} in [0, 1). Ville's inequality bounds the chance that it ever exceeds {@code 2/alpha} by
 * {@code alpha/2}; solving for {@code m} gives the closed-form interval of {@link #lower()}/{@link #upper()},
 * valid at every sample size simultaneously, so the sampling may stop at any data-dependent time.
 * The running intersection and the deterministic range that the unseen values allow are applied too;
 * once every value is seen the interval is the population mean itself.
 */
final class WithoutReplacementCs {
    /** Largest bet (Waudby-Smith and Ramdas use 1/2 or 3/4). */
    static final double MAX_LAMBDA = 0.75;

    private final int population;
    private final double logTwoOverAlpha;
    private int n;
    private double sum;
    private double mean = 0.5;        // predictable mean estimate (1/2 + sum) / (n + 1)
    private double squares = 0.25;    // 1/4 + sum of (X_i - mean_i)^2
    private double weighted;          // sum of lambda_i (X_i + S_{i-1} / (N - i + 1))
    private double penalty;           // sum of v_i psi(lambda_i)
    private double weights;           // sum of lambda_i N / (N - i + 1)
    private double lo = 0;
    private double hi = 1;

    /**
     * @param population size {@code N} of the population
     * @param alpha      probability that the true mean ever leaves the interval
     */
    WithoutReplacementCs(int population, double alpha) {
        if (population < 1) {
            throw new IllegalArgumentException("population must be >= 1: " + population);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        this.population = population;
        this.logTwoOverAlpha = Math.log(2 / alpha);
    }

    /** Adds the next sampled value, in [0, 1]. */
    void add(double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("value must be in [0, 1]: " + x);
        }
        if (n == population) {
            throw new IllegalStateException("every one of the " + population + " values was already seen");
        }
        int i = n + 1;
        double variance = squares / i;                     // sigma^2_{i-1} = (1/4 + ...) / ((i-1) + 1)
        double lambda = Math.min(MAX_LAMBDA, Math.sqrt(2 * logTwoOverAlpha / (variance * i * Math.log1p(i))));
        double remaining = population - i + 1;
        double v = 4 * (x - mean) * (x - mean);
        weighted += lambda * (x + sum / remaining);
        penalty += v * psi(lambda);
        weights += lambda * population / remaining;
        sum += x;
        n = i;
        mean = (0.5 + sum) / (n + 1);
        squares += (x - mean) * (x - mean);
        double slack = (penalty + logTwoOverAlpha) / weights;
        double centre = weighted / weights;
        double unseen = population - n;
        lo = Math.max(lo, Math.max(centre - slack, sum / population));
        hi = Math.min(hi, Math.min(centre + slack, (sum + unseen) / population));
        if (n == population) {
            lo = sum / population;
            hi = lo;
        }
    }

    private static double psi(double lambda) {
        return (-Math.log1p(-lambda) - lambda) / 4;
    }

    /** Values seen. */
    int size() {
        return n;
    }

    /** Mean of the values seen (NaN before the first). */
    double sampleMean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    double lower() {
        return lo;
    }

    double upper() {
        return hi;
    }
}
