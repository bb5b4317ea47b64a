package org.undervolt.report;

/**
 * What a plot or table of accuracy versus bit error rate shows of one BER point: the summary of its
 * Monte-Carlo trials. The report computes no statistics; whoever measured the trials fills this in.
 *
 * @param ber           the bit error rate
 * @param mean          mean accuracy over the trials
 * @param ci95HalfWidth half width of the two-sided 95% confidence interval of the mean (0 for one trial)
 * @param min           worst trial
 * @param max           best trial
 * @param trials        number of trials
 */
public record AccuracyPoint(double ber, double mean, double ci95HalfWidth, double min, double max, int trials) {

    public AccuracyPoint {
        if (trials < 1) {
            throw new IllegalArgumentException("an accuracy point needs at least one trial, got " + trials);
        }
    }
}
