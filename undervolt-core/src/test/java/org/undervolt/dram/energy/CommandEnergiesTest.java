package org.undervolt.dram.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

/** Figures from docs/PAPERS.md §3.3 and the golden DRAMPower 4.1 outputs for MICRON_4Gb_LPDDR3-1600_32bit_A. */
class CommandEnergiesTest {
    private static final double PJ = 1e-12;
    private final DramSpec lpddr3 = DramPresets.get("LPDDR3-1600_4Gb_x32");

    @Test
    void lpddr3CommandEnergiesMatchDramPower41() {
        CommandEnergies e = CommandEnergies.legacy(lpddr3);
        assertThat(e.act() / PJ).isCloseTo(2943.0, within(1e-6));
        assertThat(e.pre() / PJ).isCloseTo(1107.0, within(1e-6));
        assertThat(e.rd() / PJ).isCloseTo(1317.0, within(1e-6));
        assertThat(e.wr() / PJ).isCloseTo(1506.0, within(1e-6));
        assertThat(e.ref() / PJ).isCloseTo(26832.0, within(1e-6));
    }

    @Test
    void perRailEnergiesAddUp() {
        Map<String, CommandEnergies> m = CommandEnergies.perRail(lpddr3);
        assertThat(m).containsOnlyKeys("VDD1", "VDD2");
        assertThat(m.get("VDD1").act() / PJ).isCloseTo(1053.0, within(1e-6)); // 1.8 V * 13 mA * 36 * 1.25 ns
        assertThat(m.get("VDD2").act() / PJ).isCloseTo(1890.0, within(1e-6)); // 1.2 V * 35 mA * 36 * 1.25 ns
        assertThat(m.get("VDD1").plus(m.get("VDD2")).rd()).isCloseTo(CommandEnergies.legacy(lpddr3).rd(), within(1e-18));
    }

    @Test
    void accessEnergiesByRowBufferStateWithinOnePercent() {
        AccessEnergy a = AccessEnergy.of(lpddr3);
        assertThat(a.hit() * 1e9).isCloseTo(1.317, withinPercentage(1));
        assertThat(a.miss() * 1e9).isCloseTo(4.260, withinPercentage(1));
        assertThat(a.conflict() * 1e9).isCloseTo(5.367, withinPercentage(1));
        assertThat(a.hit() / PJ).isCloseTo(1317, within(1e-6));
        assertThat(a.miss() / PJ).isCloseTo(4260, within(1e-6));
        assertThat(a.conflict() / PJ).isCloseTo(5367, within(1e-6));
        AccessEnergy w = AccessEnergy.writes(CommandEnergies.legacy(lpddr3));
        assertThat(w.conflict() / PJ).isCloseTo(1107 + 2943 + 1506, within(1e-6));
    }

    @Test
    void quadraticScalingActsOnTheCoreRailOnly() {
        double v = 1.2 * 1.025 / 1.35;
        double f = (v / 1.2) * (v / 1.2);
        Map<String, CommandEnergies> rails = CommandEnergies.perRail(lpddr3);
        CommandEnergies scaled = CommandEnergies.legacy(lpddr3, v, VoltageScaling.QUADRATIC);
        assertThat(scaled.act()).isCloseTo(rails.get("VDD1").act() + f * rails.get("VDD2").act(), within(1e-18));
        assertThat(scaled.rd() / PJ).isCloseTo(27 + 1290 * f, within(1e-6));
        CommandEnergies lin = CommandEnergies.legacy(lpddr3, v, VoltageScaling.LINEAR);
        assertThat(lin.rd() / PJ).isCloseTo(27 + 1290 * (v / 1.2), within(1e-6));
        CommandEnergies nominal = CommandEnergies.legacy(lpddr3, 1.2, VoltageScaling.LINEAR);
        assertThat(nominal).isEqualTo(CommandEnergies.legacy(lpddr3));
    }

    @Test
    void scalingLawsAndParsing() {
        assertThat(VoltageScaling.QUADRATIC.factor(1.025, 1.35)).isCloseTo(0.5765, within(1e-4));
        assertThat(VoltageScaling.LINEAR.factor(1.025, 1.35)).isCloseTo(0.7593, within(1e-4));
        assertThat(VoltageScaling.parse("Linear")).isSameAs(VoltageScaling.LINEAR);
        assertThat(VoltageScaling.QUADRATIC.name()).isEqualTo("QUADRATIC");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VoltageScaling.parse("cubic"))
                .isInstanceOf(org.undervolt.InvalidInputException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VoltageScaling.QUADRATIC.factor(-1, 1.2))
                .isInstanceOf(org.undervolt.InvalidInputException.class);
    }

    @Test
    void standbyPowersMatchPapersBrief() {
        // docs/PAPERS.md §3.3: about 57.6 mW with a bank active, 49.2 mW precharged (both rails)
        assertThat(CommandEnergies.activeStandbyWatts(lpddr3, 1.2, VoltageScaling.QUADRATIC) * 1e3).isCloseTo(57.6, within(1e-9));
        assertThat(CommandEnergies.prechargeStandbyWatts(lpddr3, 1.2, VoltageScaling.QUADRATIC) * 1e3).isCloseTo(49.2, within(1e-9));
    }
}
