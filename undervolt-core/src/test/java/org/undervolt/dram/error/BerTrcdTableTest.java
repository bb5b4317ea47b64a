package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class BerTrcdTableTest {
    private final BerTrcdTable t = BerTrcdTable.builtin();

    @Test
    void builtinIsAPlaceholderThatSaysSo() {
        assertThat(t.source()).contains("PLACEHOLDER").contains("NOT digitised");
        assertThat(t.relativeTrcds()[0]).isEqualTo(0.40);
        assertThat(t.ber(1.0)).isZero();
        assertThat(t.ber(0.70)).isZero();
        assertThat(t.ber(0.60)).isEqualTo(1e-7);
        assertThat(t.ber(0.575)).isCloseTo(Math.sqrt(1e-7 * 1e-6), within(1e-15));
        assertThat(t.ber(13, 16)).isZero(); // 0.8125 of nominal
        assertThatThrownBy(() -> t.ber(0.3)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void lowestTrcdForATolerableBer() {
        assertThat(t.lowestRelativeTrcdFor(0).getAsDouble()).isEqualTo(0.70);
        assertThat(t.lowestRelativeTrcdFor(1e-6).getAsDouble()).isCloseTo(0.55, within(1e-12));
        // 16-cycle tRCD, BER 1e-5 tolerable: 0.50 x 16 = 8 cycles
        assertThat(t.lowestTrcdCyclesFor(1e-5, 16).getAsDouble()).isEqualTo(8.0);
        assertThat(t.lowestTrcdCyclesFor(1e-6, 13).getAsDouble()).isEqualTo(Math.ceil(0.55 * 13));
    }

    @Test
    void badFileNamesLine() {
        assertThatThrownBy(() -> BerTrcdTable.load("b.csv",
                new ByteArrayInputStream("trcd_rel,ber\n0.5,x\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("b.csv:2").hasMessageContaining("'ber'");
    }
}
