package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ToleranceCriterionTest {

    private static CurvePoint point(double ber, double... acc) {
        return new CurvePoint(ber, acc);
    }

    @Test
    void largestBerOfTheAcceptedPrefix() {
        var c = new ToleranceCriterion(0.98, 0.01);
        var curve = List.of(point(1e-5, 0.98, 0.98), point(1e-4, 0.975, 0.973), point(1e-3, 0.969, 0.971),
                point(1e-2, 0.90, 0.91));
        // mean at 1e-3 is exactly 0.970 = threshold: accepted (>=)
        assertThat(c.tolerableBer(curve)).hasValue(1e-3);
    }

    @Test
    void aLuckyPointAfterAFailureIsNotChosen() {
        var c = new ToleranceCriterion(0.98, 0.01);
        var curve = List.of(point(1e-5, 0.98), point(1e-4, 0.95), point(1e-3, 0.975));
        assertThat(c.tolerableBer(curve)).hasValue(1e-5);
    }

    @Test
    void emptyWhenTheFirstPointFails() {
        var c = new ToleranceCriterion(0.98, 0.01);
        assertThat(c.tolerableBer(List.of(point(1e-5, 0.5)))).isEmpty();
    }

    @Test
    void confidenceIntervalUsesStudentT() {
        var p = point(1e-3, 0.90, 0.92, 0.94, 0.96, 0.98);
        assertThat(p.mean()).isCloseTo(0.94, within(1e-12));
        assertThat(p.stddev()).isCloseTo(Math.sqrt(0.001), within(1e-12));
        // t(0.975, 4) = 2.7764
        assertThat(p.ci95HalfWidth()).isCloseTo(2.7764 * Math.sqrt(0.001) / Math.sqrt(5), within(1e-9));
        assertThat(p.min()).isEqualTo(0.90);
    }

    @Test
    void studentTApproachesTheNormalQuantile() {
        assertThat(StudentT.quantile975(30)).isEqualTo(2.0423);
        assertThat(StudentT.quantile975(60)).isCloseTo(2.0003, within(2e-4));
        assertThat(StudentT.quantile975(100000)).isCloseTo(1.95996, within(1e-4));
    }
}
