package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;

class ToleranceSearchTest {

    /** Accuracy 1 - 2·BER: with baseline 1 and delta 0.01 the tolerable BER is exactly 0.005. */
    private static final TrialEvaluator LINEAR = (ber, rng) -> 1.0 - 2 * ber;

    private static ToleranceSearch search(int bisections, Acceptance.Rule rule, PointStore store) {
        return new ToleranceSearch(new ToleranceSearch.Settings(1e-5, 1e-1, 1, bisections, 3, 11),
                new Acceptance(1.0, 0.01, rule), store, ToleranceSearch.Listener.NONE);
    }

    @Test
    void bisectionInLogSpaceBracketsTheKnownAnswer() {
        int k = 10;
        ToleranceSearch.Result r = search(k, Acceptance.Rule.MEAN, PointStore.inMemory()).search("net", LINEAR);
        assertThat(r.status()).isEqualTo(ToleranceSearch.Status.FOUND);
        double ratio = Math.pow(10, 1.0 / (1 << k)); // width of the final bracket in log space
        assertThat(r.tolerableBer()).isLessThanOrEqualTo(0.005).isGreaterThanOrEqualTo(0.005 / ratio);
        assertThat(r.failingBer()).isGreaterThan(0.005).isLessThanOrEqualTo(r.tolerableBer() * ratio * (1 + 1e-12));
        // Grid walked up to the first failure (1e-5 .. 1e-2), then k bisection points.
        assertThat(r.curve()).hasSize(4 + k);
        assertThat(r.atTolerable().ber()).isEqualTo(r.tolerableBer());
        for (int i = 1; i < r.curve().size(); i++) {
            assertThat(r.curve().get(i).ber()).isGreaterThan(r.curve().get(i - 1).ber());
        }
    }

    @Test
    void reportsWhenTheAnswerIsOutsideTheGrid() {
        ToleranceSearch s = search(3, Acceptance.Rule.MEAN, PointStore.inMemory());
        ToleranceSearch.Result below = s.search("a", (ber, rng) -> 0.5);
        assertThat(below.status()).isEqualTo(ToleranceSearch.Status.BELOW_GRID);
        assertThat(below.tolerableBer()).isZero();
        assertThat(below.curve()).hasSize(1);
        ToleranceSearch.Result above = s.search("b", (ber, rng) -> 1.0);
        assertThat(above.status()).isEqualTo(ToleranceSearch.Status.ABOVE_GRID);
        assertThat(above.tolerableBer()).isEqualTo(1e-1);
        assertThat(above.curve()).hasSize(5);
    }

    @Test
    void theLowerConfidenceBoundIsMoreCautiousThanTheMean() {
        // Same mean curve, noisy trials: the lower bound must accept a smaller BER.
        TrialEvaluator noisy = (ber, rng) -> 1.0 - 2 * ber + 0.004 * (rng.nextDouble() - 0.5);
        double mean = search(8, Acceptance.Rule.MEAN, PointStore.inMemory()).search("n", noisy).tolerableBer();
        double lower = search(8, Acceptance.Rule.LOWER95, PointStore.inMemory()).search("n", noisy).tolerableBer();
        assertThat(lower).isLessThan(mean);
        assertThat(mean).isCloseTo(0.005, org.assertj.core.data.Offset.offset(0.0015));
    }

    @Test
    void lower95MatchesTheTTable() {
        CurvePoint p = new CurvePoint(1e-3, new double[] {0.90, 0.92, 0.94});
        // mean 0.92, s = 0.02, t(0.95, 2) = 2.9200
        assertThat(p.lower95()).isCloseTo(0.92 - 2.92 * 0.02 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new CurvePoint(1, new double[] {0.7}).lower95()).isEqualTo(0.7);
    }

    @Test
    void aKilledSearchResumesFromItsFileWithNothingRepeatedOrLost(@TempDir Path dir) {
        Path file = dir.resolve("points.json");
        ToleranceSearch.Result whole = search(6, Acceptance.Rule.LOWER95, PointStore.inMemory())
                .search("net", noisy());
        AtomicInteger calls = new AtomicInteger();
        TrialEvaluator dying = (ber, rng) -> {
            if (calls.incrementAndGet() > 17) {
                throw new IllegalStateException("killed");
            }
            return noisy().accuracy(ber, rng);
        };
        assertThatThrownBy(() -> search(6, Acceptance.Rule.LOWER95, PointStore.open(file, "cfg")).search("net", dying))
                .hasMessage("killed");
        PointStore reopened = PointStore.open(file, "cfg");
        int finished = reopened.size();
        assertThat(finished).isEqualTo(5); // 17 calls = 5 whole points of 3 trials, the 6th lost half way
        AtomicInteger resumedCalls = new AtomicInteger();
        ToleranceSearch.Result resumed = search(6, Acceptance.Rule.LOWER95, reopened).search("net", (ber, rng) -> {
            resumedCalls.incrementAndGet();
            return noisy().accuracy(ber, rng);
        });
        assertThat(resumed).isEqualTo(whole);
        assertThat(resumedCalls.get()).isEqualTo(3 * (whole.curve().size() - finished));
        assertThatThrownBy(() -> PointStore.open(file, "other")).isInstanceOf(InvalidInputException.class);
    }

    private static TrialEvaluator noisy() {
        return (ber, rng) -> 1.0 - 2 * ber + 0.004 * (rng.nextDouble() - 0.5);
    }
}
