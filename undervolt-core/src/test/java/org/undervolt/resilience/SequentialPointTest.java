package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.random.Seeds;

class SequentialPointTest {
    private static final int N = 10_000;
    private static final int TRIALS = 5;

    private static List<SplittableRandom> streams(long seed) {
        List<SplittableRandom> s = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            s.add(Seeds.stream(seed, t));
        }
        return s;
    }

    /** The decision on every image: the trials' exact accuracies under the rule. */
    private static boolean fullDecision(SimulatedTrials sim, double ber, long seed, Acceptance a) {
        double[] acc = new double[TRIALS];
        List<SplittableRandom> s = streams(seed);
        for (int t = 0; t < TRIALS; t++) {
            acc[t] = sim.accuracy(ber, s.get(t));
        }
        return a.accepts(new CurvePoint(ber, acc));
    }

    /**
     * Over many seeds and losses around the threshold, a point decided sequentially at confidence sequences of
     * level alpha per trial differs from the full decision in at most alpha * trials of the points (union bound),
     * here checked against that bound with a generous binomial margin; clear points stop early.
     */
    @Test
    void wrongDecisionsStayWithinTheBudgetAndClearPointsStopEarly() {
        double alpha = 0.02; // per trial: a point may be wrong with probability <= 0.1
        for (Acceptance.Rule rule : Acceptance.Rule.values()) {
            int wrong = 0;
            int points = 0;
            long images = 0;
            long clearImages = 0;
            int clearPoints = 0;
            for (double loss : new double[] {0.0, 0.004, 0.008, 0.012, 0.02, 0.05}) {
                for (long seed = 0; seed < 40; seed++) {
                    SimulatedTrials sim = new SimulatedTrials(N, 0.98, b -> loss, b -> loss / 10, seed);
                    Acceptance a = new Acceptance(sim.cleanAccuracy(), 0.01, rule);
                    SequentialPoint.Measured m = SequentialPoint.measure(sim, 1e-3, streams(seed), a,
                            SequentialPoint.order(N, seed), 500, alpha);
                    boolean full = fullDecision(sim, 1e-3, seed, a);
                    wrong += m.accepted() != full ? 1 : 0;
                    points++;
                    long used = java.util.Arrays.stream(m.images()).sum();
                    images += used;
                    if (loss == 0.0 || loss == 0.05) {
                        clearImages += used;
                        clearPoints++;
                        assertThat(m.settled()).isTrue();
                        assertThat(m.accepted()).isEqualTo(loss == 0.0);
                    }
                }
            }
            // the budget allows 10% wrong points; the sequences are conservative, so far fewer occur
            assertThat(wrong).as(rule + " wrong decisions").isLessThanOrEqualTo((int) (0.1 * points));
            assertThat((double) clearImages / clearPoints).as(rule + " images of a clear point")
                    .isLessThan(0.5 * N * TRIALS);
            assertThat(images).isLessThan((long) points * N * TRIALS);
        }
    }

    @Test
    void withEveryImageUsedTheAccuraciesAreExact() {
        SimulatedTrials sim = new SimulatedTrials(2_000, 0.9, b -> 0.01, b -> 0.001, 3);
        Acceptance a = new Acceptance(sim.cleanAccuracy(), 0.01, Acceptance.Rule.MEAN);
        // a loss right at the threshold cannot be settled early: every image is used
        SequentialPoint.Measured m = SequentialPoint.measure(sim, 1e-3, streams(3), a, SequentialPoint.order(2_000, 3),
                100, 1e-6);
        List<SplittableRandom> s = streams(3);
        for (int t = 0; t < TRIALS; t++) {
            assertThat(m.images()[t]).isEqualTo(2_000);
            assertThat(m.point().accuracies()[t]).isCloseTo(sim.accuracy(1e-3, s.get(t)), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m.lossLo()[t]).isEqualTo(m.lossHi()[t]);
        }
        assertThat(m.settled()).isFalse();
    }

    @Test
    void theOrderIsAPermutationFixedBySeed() {
        int[] a = SequentialPoint.order(1000, 5);
        assertThat(a).isEqualTo(SequentialPoint.order(1000, 5)).isNotEqualTo(SequentialPoint.order(1000, 6));
        assertThat(java.util.Arrays.stream(a.clone()).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
    }
}
