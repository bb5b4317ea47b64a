package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The trial counts a tolerance search reports for progress displays. */
class ToleranceSearchProgressTest {
    /** Accuracy 0.9 up to BER 2e-3, 0.1 above: the grid fails first at 1e-2. */
    private static final TrialEvaluator STEP = (ber, rng) -> ber <= 2e-3 ? 0.9 : 0.1;
    private static final ToleranceSearch.Settings SETTINGS = new ToleranceSearch.Settings(1e-6, 1e-1, 1, 2, 3, 5);

    private static List<long[]> search(PointStore store, TrialEvaluator ev) {
        List<long[]> told = new ArrayList<>();
        new ToleranceSearch(SETTINGS, new Acceptance(0.9, 0.01, Acceptance.Rule.MEAN), store, ToleranceSearch.Listener.NONE,
                (target, done, skipped, total) -> told.add(new long[] {done, skipped, total})).search("network", ev);
        return told;
    }

    @Test
    void totalShrinksToTheTrialsRunOnceTheGridFails() {
        List<long[]> told = search(PointStore.inMemory(), STEP);
        // grid 1e-6..1e-1 (6 points) + 2 bisections, 3 trials each: at most 24
        assertThat(told.get(0)).containsExactly(0, 0, 24);
        // the grid fails at its 5th point (1e-2): 5 points + 2 bisections = 21 trials
        assertThat(told.get(told.size() - 1)).containsExactly(21, 0, 21);
        assertThat(told.stream().mapToLong(t -> t[0]).max().getAsLong()).isEqualTo(21);
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).isGreaterThanOrEqualTo(told.get(i - 1)[0]);
        }
    }

    @Test
    void pointsFoundInTheStoreCountAsSkipped() {
        PointStore store = PointStore.inMemory();
        search(store, STEP);
        List<long[]> again = search(store, (ber, rng) -> {
            throw new AssertionError("every point is stored");
        });
        assertThat(again.get(again.size() - 1)).containsExactly(21, 21, 21);
    }

    @Test
    void aNetworkPassingTheWholeGridRunsNoBisection() {
        List<long[]> told = search(PointStore.inMemory(), (ber, rng) -> 0.95);
        assertThat(told.get(told.size() - 1)).containsExactly(18, 0, 18);
    }
}
