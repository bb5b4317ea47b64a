package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

class RailScalingTest {
    private static final double PJ = 1e-12;
    private final DramSpec lpddr3 = DramPresets.get("LPDDR3-1600_4Gb_x32");
    /** VDD2 at the relative voltage 1.025 / 1.35 of its 1.2 V. */
    private final double r = 1.025 / 1.35;
    private final double vdd2 = 1.2 * r;

    @Test
    void lpddr3ActSplitsBetweenVdd1AndVdd2() {
        // MICRON_4Gb_LPDDR3-1600_32bit_A: VDD1 (15-2) mA x 36 x 1.25 ns x 1.8 V = 1053 pJ,
        // VDD2 (80-45) mA x 36 x 1.25 ns x 1.2 V = 1890 pJ
        CommandEnergies core = CommandEnergies.legacy(lpddr3, vdd2, VoltageScaling.QUADRATIC, RailScaling.CORE_ONLY);
        CommandEnergies all = CommandEnergies.legacy(lpddr3, vdd2, VoltageScaling.QUADRATIC, RailScaling.ALL_RAILS);
        assertThat(core.act() / PJ).isCloseTo(1053 + 1890 * r * r, within(1e-6));
        assertThat(all.act() / PJ).isCloseTo(2943 * r * r, within(1e-6));
        assertThat(core.act() / CommandEnergies.legacy(lpddr3).act()).isCloseTo(0.728, within(5e-4));
        // the three-argument form is core-only
        assertThat(CommandEnergies.legacy(lpddr3, vdd2, VoltageScaling.QUADRATIC)).isEqualTo(core);
        // linear law on all rails: every component x r
        CommandEnergies lin = CommandEnergies.legacy(lpddr3, vdd2, VoltageScaling.LINEAR, RailScaling.ALL_RAILS);
        assertThat(lin.ref()).isCloseTo(CommandEnergies.legacy(lpddr3).ref() * r, within(1e-18));
    }

    @Test
    void singleRailPartsDoNotCare() {
        DramSpec ddr3l = DramPresets.get("DDR3L");
        for (VoltageScaling law : new VoltageScaling[] {VoltageScaling.QUADRATIC, VoltageScaling.LINEAR}) {
            assertThat(CommandEnergies.legacy(ddr3l, 1.1, law, RailScaling.ALL_RAILS))
                    .isEqualTo(CommandEnergies.legacy(ddr3l, 1.1, law, RailScaling.CORE_ONLY));
        }
    }

    @Test
    void standbyAndAccessModelFollowTheChoice() {
        double nominal = CommandEnergies.activeStandbyWatts(lpddr3, 1.2, VoltageScaling.QUADRATIC);
        assertThat(CommandEnergies.activeStandbyWatts(lpddr3, vdd2, VoltageScaling.QUADRATIC, RailScaling.ALL_RAILS))
                .isCloseTo(nominal * r * r, within(1e-15));
        // VDD1 IDD3N 2 mA x 1.8 V stays, VDD2 45 mA x 1.2 V scales
        assertThat(CommandEnergies.prechargeStandbyWatts(lpddr3, vdd2, VoltageScaling.QUADRATIC))
                .isCloseTo(2e-3 * 1.8 + 38e-3 * 1.2 * r * r, within(1e-15));
        AccessCounts counts = new AccessCounts(10, 4, 6, 5, 3);
        AccessEnergyModel core = new AccessEnergyModel(lpddr3, VoltageScaling.QUADRATIC);
        AccessEnergyModel all = new AccessEnergyModel(lpddr3, VoltageScaling.QUADRATIC, RailScaling.ALL_RAILS);
        assertThat(core.rails()).isEqualTo(RailScaling.CORE_ONLY);
        assertThat(all.joules(counts, vdd2)).isCloseTo(all.joulesNominal(counts) * r * r, within(1e-18));
        assertThat(all.joules(counts, vdd2)).isLessThan(core.joules(counts, vdd2));
    }

    @Test
    void parsesNames() {
        assertThat(RailScaling.parse(" Core ")).isEqualTo(RailScaling.CORE_ONLY);
        assertThat(RailScaling.parse("all_rails")).isEqualTo(RailScaling.ALL_RAILS);
        assertThat(RailScaling.ALL_RAILS.toString()).isEqualTo("all");
        assertThatThrownBy(() -> RailScaling.parse("vdd1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("core or all");
    }
}
