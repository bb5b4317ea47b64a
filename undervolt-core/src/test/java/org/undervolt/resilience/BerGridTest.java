package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class BerGridTest {

    @Test
    void decadesAreExactAndEndpointsIncluded() {
        double[] g = BerGrid.logarithmic(1e-7, 1e-1, 1);
        assertThat(g).containsExactly(1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1);
    }

    @Test
    void twoPointsPerDecadeInterleaveSquareRootsOfTen() {
        double[] g = BerGrid.logarithmic(1e-4, 1e-2, 2);
        assertThat(g).hasSize(5);
        assertThat(g[0]).isEqualTo(1e-4);
        assertThat(g[1]).isCloseTo(Math.sqrt(10) * 1e-4, within(1e-15));
        assertThat(g[2]).isEqualTo(1e-3);
        assertThat(g[4]).isEqualTo(1e-2);
    }

    @Test
    void boundsOffTheGridAreRoundedInward() {
        double[] g = BerGrid.logarithmic(2e-5, 5e-3, 1);
        assertThat(g).containsExactly(1e-4, 1e-3);
    }

    @Test
    void singlePointGrid() {
        assertThat(BerGrid.logarithmic(1e-3, 1e-3, 4)).containsExactly(1e-3);
    }

    @Test
    void rejectsRatesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> BerGrid.logarithmic(0, 1e-2, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("minimum");
        assertThatThrownBy(() -> BerGrid.logarithmic(1e-3, 2, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maximum");
        assertThatThrownBy(() -> BerGrid.logarithmic(1e-2, 1e-3, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BerGrid.logarithmic(1e-3, 1e-2, 0)).isInstanceOf(InvalidInputException.class);
    }
}
