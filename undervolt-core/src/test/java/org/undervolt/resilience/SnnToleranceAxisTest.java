package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Placement;
import org.undervolt.storage.SequentialPlacement;

/** The SNN tolerance search's axis on a storage that reaches only so far (a device's BER at its lowest voltage). */
class SnnToleranceAxisTest {
    private static WeightStorage reaching(double top) {
        return new WeightStorage() {
            @Override
            public Placement placement() {
                return new SequentialPlacement(DramGeometry.lpddr3x32());
            }

            @Override
            public ErrorModel errors(double ber) {
                return new UniformErrorModel(Math.min(ber, top));
            }

            @Override
            public String key() {
                return "test";
            }

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public double maxBer() {
                return top;
            }
        };
    }

    @Test
    void theAxisEndsAtTheFirstGridPointAtOrAboveTheStoragesReach() {
        var s = new ToleranceSearch.Settings(1e-5, 0.1, 1, 2, 3, 1);
        assertThat(SnnToleranceRun.axis(s, reaching(1.6e-3)).grid()).containsExactly(1e-5, 1e-4, 1e-3, 1e-2);
        assertThat(SnnToleranceRun.axis(s, reaching(1e-3)).grid()).containsExactly(1e-5, 1e-4, 1e-3);
        var two = new ToleranceSearch.Settings(1e-5, 0.1, 2, 2, 3, 1);
        assertThat(SnnToleranceRun.axis(two, reaching(1.6e-3)).berMax()).isCloseTo(Math.sqrt(10) * 1e-3,
                org.assertj.core.data.Offset.offset(1e-12));
        // a reach under the grid's lower end moves it down a decade below the reach
        assertThat(SnnToleranceRun.axis(s, reaching(2e-7)).grid()).containsExactly(1e-7, 1e-6);
        // nothing to shorten: a reach at or above the top, or none (a device without errors)
        assertThat(SnnToleranceRun.axis(s, reaching(0.5))).isEqualTo(s);
        assertThat(SnnToleranceRun.axis(s, reaching(0))).isEqualTo(s);
        assertThat(SnnToleranceRun.axis(s, WeightStorage.sequential("uniform", 1))).isEqualTo(s);
    }
}
