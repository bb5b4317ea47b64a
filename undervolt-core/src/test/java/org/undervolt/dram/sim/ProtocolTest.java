package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramStandard;

/** Which command rules each standard is simulated under, and the standards the simulator refuses. */
class ProtocolTest {

    @Test
    void eachModelledStandardHasItsRules() {
        assertThat(Protocol.of(DramStandard.DDR3)).isEqualTo(Protocol.DDR);
        assertThat(Protocol.of(DramStandard.DDR4)).isEqualTo(Protocol.DDR);
        assertThat(Protocol.of(DramStandard.LPDDR3)).isEqualTo(Protocol.LPDDR3);
        assertThat(Protocol.of(DramStandard.LPDDR4)).isEqualTo(Protocol.LPDDR4);
        assertThat(Protocol.of(DramStandard.OTHER)).isEqualTo(Protocol.DDR);
    }

    @Test
    void ddr5AndLpddr5AreRefusedNotScheduledUnderDdr4Rules() {
        for (DramStandard s : new DramStandard[] {DramStandard.DDR5, DramStandard.LPDDR5}) {
            assertThatThrownBy(() -> Protocol.of(s)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not " + s + "'s").hasMessageContaining("undervolt dram energy");
        }
    }
}
