package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BerSweepTest {

    private final TrialEvaluator noisy = (ber, rng) -> 1.0 - ber - 1e-3 * rng.nextDouble();

    @Test
    void aPointDependsOnlyOnSeedBerAndTrialNotOnTheGrid() {
        var sweep = new BerSweep(42, 3);
        List<CurvePoint> full = sweep.run(new double[] {1e-4, 1e-3, 1e-2}, noisy, (i, n, p) -> { });
        List<CurvePoint> part = sweep.run(new double[] {1e-3}, noisy, (i, n, p) -> { });
        assertThat(part.get(0)).isEqualTo(full.get(1));
    }

    @Test
    void sameSeedSameCurveOtherSeedOtherCurve() {
        double[] grid = {1e-3, 1e-2};
        var a = new BerSweep(7, 4).run(grid, noisy, (i, n, p) -> { });
        var b = new BerSweep(7, 4).run(grid, noisy, (i, n, p) -> { });
        var c = new BerSweep(8, 4).run(grid, noisy, (i, n, p) -> { });
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void reportsEveryPointInOrder() {
        List<Integer> seen = new ArrayList<>();
        new BerSweep(1, 2).run(new double[] {1e-6, 1e-5, 1e-4}, noisy, (i, n, p) -> {
            assertThat(n).isEqualTo(3);
            assertThat(p.trials()).isEqualTo(2);
            seen.add(i);
        });
        assertThat(seen).containsExactly(0, 1, 2);
    }
}
