package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class WithoutReplacementCsTest {

    /** Over many random orders of one population, the interval misses the true mean at some look in at most alpha of runs. */
    @Test
    void coversTheMeanAtEveryLookInAllButAlphaOfRuns() {
        int n = 2_000;
        double[] pop = new double[n];
        SplittableRandom r = new SplittableRandom(1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            pop[i] = u < 0.02 ? 1 : u < 0.025 ? 0 : 0.5; // the d = +1 / -1 / 0 mix of a paired trial
            sum += pop[i];
        }
        double mean = sum / n;
        double alpha = 0.1;
        int missed = 0;
        int runs = 300;
        for (int run = 0; run < runs; run++) {
            int[] order = SequentialPoint.order(n, run);
            WithoutReplacementCs cs = new WithoutReplacementCs(n, alpha);
            boolean miss = false;
            for (int i = 0; i < n; i++) {
                cs.add(pop[order[i]]);
                miss |= cs.lower() > mean || cs.upper() < mean;
            }
            assertThat(cs.lower()).isEqualTo(cs.upper()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
            missed += miss ? 1 : 0;
        }
        assertThat(missed).isLessThanOrEqualTo((int) (alpha * runs));
    }

    @Test
    void narrowsAsValuesArrive() {
        WithoutReplacementCs cs = new WithoutReplacementCs(10_000, 0.01);
        for (int i = 0; i < 100; i++) {
            cs.add(0.5);
        }
        double w100 = cs.upper() - cs.lower();
        for (int i = 0; i < 1900; i++) {
            cs.add(0.5);
        }
        assertThat(cs.upper() - cs.lower()).isLessThan(w100 / 5);
        assertThat(cs.lower()).isLessThanOrEqualTo(0.5);
        assertThat(cs.upper()).isGreaterThanOrEqualTo(0.5);
    }
}
