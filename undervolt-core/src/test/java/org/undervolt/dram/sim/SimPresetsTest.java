package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class SimPresetsTest {

    @Test
    void ddr4_2400rOn8GbX8() {
        SimSpec s = SimPresets.resolve("ddr4", null, null, 1, 1);
        assertThat(s.part().name()).isEqualTo("DDR4_8Gb_x8+DDR4_2400R");
        assertThat(s.part().timings().get("RCD")).isEqualTo(16);
        assertThat(s.part().hasCurrents()).isFalse();
        assertThat(s.protocol()).isEqualTo(Protocol.DDR);
        SimTimings t = s.timings();
        assertThat(t.tckPs()).isEqualTo(833);
        assertThat(t.nCL()).isEqualTo(16);
        assertThat(t.nRCD()).isEqualTo(16);
        assertThat(t.nRAS()).isEqualTo(39);
        assertThat(t.nRC()).isEqualTo(55);
        // x8 at 2400: tRRD_S 4, tRRD_L 6, tFAW 26 nCK; tRFC1 360 ns -> 433, tREFI 7.8 us -> 9364
        assertThat(t.nRRDS()).isEqualTo(4);
        assertThat(t.nRRDL()).isEqualTo(6);
        assertThat(t.nFAW()).isEqualTo(26);
        assertThat(t.nRFC()).isEqualTo(433);
        assertThat(t.nREFI()).isEqualTo(9364);
        assertThat(t.readLatency()).isEqualTo(20);
        assertThat(s.organization().banks()).isEqualTo(16);
        assertThat(s.organization().bankGroups()).isEqualTo(4);
        assertThat(s.organization().devices()).isEqualTo(8);
        assertThat(s.capacityBytes()).isEqualTo(8L << 30);
    }

    @Test
    void ddr3_1600kOn4GbX8() {
        SimSpec s = SimPresets.resolve("DDR3", "ddr3_4gb_x8", "DDR3_1600K", 2, 2);
        SimTimings t = s.timings();
        assertThat(t.tckPs()).isEqualTo(1250);
        assertThat(t.nRRDS()).isEqualTo(5);
        assertThat(t.nFAW()).isEqualTo(24);
        assertThat(t.nRFC()).isEqualTo(208);   // 260 ns
        assertThat(t.nREFI()).isEqualTo(6240); // 7.8 us
        assertThat(s.organization().bankGroups()).isEqualTo(1);
        assertThat(s.organization().banks()).isEqualTo(8);
        assertThat(s.capacityBytes()).isEqualTo(4L * (4L << 30));
    }

    @Test
    void jedecRoundingAsRamulator() {
        assertThat(SimTimings.nsToCycles(7800, 833)).isEqualTo(9364);
        assertThat(SimTimings.nsToCycles(15, 1250)).isEqualTo(12);
        assertThat(SimTimings.nsToCycles(13.75, 1250)).isEqualTo(11);
    }

    @Test
    void unknownNamesAreBadInput() {
        assertThatThrownBy(() -> SimPresets.resolve("DDR5", null, null, 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--standard");
        assertThatThrownBy(() -> SimPresets.resolve("DDR4", "DDR4_9Gb_x8", null, 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--org").hasMessageContaining("DDR4_8Gb_x8");
        assertThatThrownBy(() -> SimPresets.resolve("DDR4", null, "DDR4_9999Z", 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--timing");
        assertThatThrownBy(() -> SimPresets.resolve("DDR4", null, null, 0, 1))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everyPresetResolves() {
        for (String std : SimPresets.standards()) {
            for (String o : SimPresets.organizations(std)) {
                for (String t : SimPresets.timings(std)) {
                    SimSpec s = SimPresets.resolve(std, o, t, 1, 1);
                    assertThat(s.timings().nRC()).isGreaterThanOrEqualTo(s.timings().nRAS());
                    assertThat(TimingConstraints.ddr(s.timings())).isNotEmpty();
                }
            }
        }
    }
}
