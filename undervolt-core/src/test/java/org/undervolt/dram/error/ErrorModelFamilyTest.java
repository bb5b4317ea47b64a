package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorModelFamilyTest {

    @Test
    void everyFamilyHitsTheRequestedBerOnAverage() {
        byte[] data = new byte[2048];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 2 == 0 ? 0x0F : 0x3C); // as many 0s as 1s
        }
        MemoryRegion region = Layouts.region(data, Layouts.grid(2, 2, 16, 32));
        double ber = 1e-3;
        for (ErrorModelFamily family : List.of(ErrorModelFamily.uniform(),
                ErrorModelFamily.bitlines(0.01, WeakCells.perTrial()),
                ErrorModelFamily.wordlines(0.05, WeakCells.perTrial()),
                ErrorModelFamily.dataDependent(9))) {
            assertThat(family.atBer(ber).expectedFlips(region)).as(family.name())
                    .isCloseTo(region.bits() * ber, within(1e-9));
        }
        DataDependentErrorModel m3 = (DataDependentErrorModel) ErrorModelFamily.dataDependent(9).atBer(ber);
        assertThat(m3.p01()).isCloseTo(1.8e-3, within(1e-15));
        assertThat(m3.p10()).isCloseTo(2e-4, within(1e-15));
        assertThat(ErrorModelFamily.location(0.5, LocationAwareErrorModel.Granularity.SUBARRAY, WeakCells.perTrial())
                .atBer(ber).expectedFlips(region)).isCloseTo(region.bits() * ber * 0.5, within(1e-9));
    }

    @Test
    void berAboveTheWeakFractionIsRejected() {
        assertThatThrownBy(() -> ErrorModelFamily.bitlines(1e-3, WeakCells.perTrial()).atBer(1e-2))
                .hasMessageContaining("weak bitline fraction of at least 0.01");
    }
}
