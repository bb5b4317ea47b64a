package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Timings;

/** The simulator reads the one part description: every value from the part, a missing row named. */
class SimTimingsTest {

    @Test
    void aPresetPartIsReadRowByRow() {
        DramSpec ddr4 = DramPresets.get("DDR4-2400").asRank();
        SimTimings t = SimSpec.of(ddr4).timings();
        assertThat(t.tckPs()).isEqualTo(833);
        assertThat(t.nCL()).isEqualTo(16);
        assertThat(t.nCWL()).isEqualTo(16);
        assertThat(t.nCCDS()).isEqualTo(4);
        assertThat(t.nCCDL()).isEqualTo(6);
        assertThat(t.nRRDS()).isEqualTo(4);
        assertThat(t.nRRDL()).isEqualTo(6);
        assertThat(t.nWTRL()).isEqualTo(9);
        assertThat(t.nRFC()).isEqualTo(313);
        assertThat(t.nREFI()).isEqualTo(4680);
        // DDR protocol: tDQSCK not in the read latency, PREA to ACT is tRP
        assertThat(t.nDQSCK()).isZero();
        assertThat(t.nRPab()).isEqualTo(16);
        assertThat(ddr4.organization().devices()).isEqualTo(8);
        assertThat(ddr4.organization().bytesPerBurst()).isEqualTo(64);
    }

    @Test
    void lpddr3UnderItsOwnProtocolReadsRpabAndDqsck() throws Exception {
        // DRAMPower's memspec has no tRPab: refused by name; the preset adds JESD209-3's 17 cycles
        DramSpec memspec = org.undervolt.dram.spec.MemspecLoader.load(
                java.nio.file.Path.of(getClass().getResource("/golden/dram/memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml").toURI()))
                .spec();
        assertThatThrownBy(() -> SimSpec.of(memspec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MICRON_4Gb_LPDDR3-1600_32bit_A").hasMessageContaining("RPab");
        DramSpec lp = DramPresets.get("LPDDR3-1600");
        SimTimings t = SimSpec.of(lp).timings();
        assertThat(t.nRPab()).isEqualTo(17);
        assertThat(t.nDQSCK()).isEqualTo(2);
        assertThat(t.readLatency()).isEqualTo(12 + 2 + 4);
        assertThat(SimSpec.of(lp, Protocol.DDR).timings().readLatency()).isEqualTo(12 + 4);
    }

    @Test
    void aMissingRowIsAnErrorNamingItNotADefault() {
        DramSpec p = DramPresets.get("DDR3L-1600");
        Map<String, Integer> c = new LinkedHashMap<>(p.timings().cycles());
        c.remove("RTP");
        DramSpec noRtp = p.withTimings(new Timings(p.timings().tckSeconds(), c));
        assertThatThrownBy(() -> SimSpec.of(noRtp)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RTP").hasMessageContaining(p.name());
        // the rank-to-rank switch only matters with several ranks: required there, not on one rank
        Organization o = p.organization();
        DramSpec twoRanks = p.withOrganization(new Organization(1, 2, o.bankGroups(), o.banks(), o.rows(), o.columns(),
                o.width(), o.devices(), o.burstLength(), o.dataRate(), o.subarrayRows()));
        assertThat(SimSpec.of(p).timings().nCS()).isZero();
        assertThatThrownBy(() -> SimSpec.of(twoRanks)).isInstanceOf(InvalidInputException.class).hasMessageContaining("CS");
        assertThat(SimSpec.of(twoRanks.withCycles(Map.of("CS", 2))).timings().nCS()).isEqualTo(2);
    }

    @Test
    void ramulatorPresetsAreTimingOnlyPartsOfTheSameDescription() {
        DramSpec p = SimPresets.part("DDR4", null, null, 1, 1);
        assertThat(p.hasCurrents()).isFalse();
        assertThat(p.timings().get("CS")).isEqualTo(2);
        assertThatThrownBy(() -> org.undervolt.dram.energy.EnergyListener.forTrace(p,
                org.undervolt.dram.energy.EnergyCounting.DRAMPOWER_4_1, "t")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DDR4_8Gb_x8+DDR4_2400R").hasMessageContaining("IDD");
        // reading the part back gives the values of the speed-bin table
        assertThat(SimSpec.of(p).timings()).isEqualTo(SimPresets.resolve("DDR4", "DDR4_8Gb_x8", "DDR4_2400R", 1, 1).timings());
        assertThat(SimSpec.of(p).withRcd(12).timings().nRCD()).isEqualTo(12);
    }
}
