package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class DramPresetsTest {

    @Test
    void lpddr3PresetHasTheMemspecValues() {
        DramSpec s = DramPresets.get("LPDDR3-1600_4Gb_x32");
        assertThat(s.standard()).isEqualTo(DramStandard.LPDDR3);
        assertThat(s.coreRail()).isEqualTo("VDD2");
        assertThat(s.coreVolts()).isEqualTo(1.2);
        assertThat(s.rail("VDD1").volts()).isEqualTo(1.8);
        assertThat(s.rail("VDD2").currents().idd0()).isEqualTo(0.080, org.assertj.core.data.Offset.offset(1e-12));
        Organization o = s.organization();
        assertThat(o.banks()).isEqualTo(8);
        assertThat(o.rows()).isEqualTo(16384);
        assertThat(o.columns()).isEqualTo(1024);
        assertThat(o.bytesPerBurst()).isEqualTo(32);
        assertThat(o.capacityBytes() * 8).isEqualTo(4L << 30); // 4 Gb
        assertThat(s.timings().clockMhz()).isCloseTo(800, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.timings().rc()).isEqualTo(48);
        assertThat(s.source()).contains("DRAMPower");
    }

    @Test
    void aliasesAndCaseAreAccepted() {
        assertThat(DramPresets.get("micron_4gb_lpddr3-1600_32bit_a").name()).isEqualTo("LPDDR3-1600_4Gb_x32");
        assertThat(DramPresets.get(" LPDDR3 ").name()).isEqualTo("LPDDR3-1600_4Gb_x32");
        // one name, one part: an alias belongs to the first preset that claims it
        assertThat(DramPresets.aliases("DDR4-2400")).containsExactly("MICRON_4Gb_DDR4-2400_8bit_A", "DDR4-2400", "DDR4");
        assertThat(DramPresets.aliases("DDR3L-1600_1Gb_x8")).isEmpty();
        for (String n : DramPresets.names()) {
            for (String a : DramPresets.aliases(n)) {
                assertThat(DramPresets.get(a).name()).isEqualTo(n);
            }
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> DramPresets.get("DDR9-9999"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DDR9-9999")
                .hasMessageContaining("LPDDR3-1600_4Gb_x32");
    }
}
