package org.undervolt.dram.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

/** The controller's scheduler and refresh policy picked by name; the defaults are Ramulator's (pinned elsewhere). */
class ControllerPoliciesTest {
    private static final SimSpec DDR4 = SimPresets.resolve("DDR4", null, null, 1, 1);

    private static List<String> commands(SimConfig cfg, RequestTrace t, SimResult[] out) {
        List<String> cmds = new ArrayList<>();
        out[0] = new DramSimulator(cfg).run(t, (clk, ch, c, ra, bg, ba, ro, co) -> cmds.add(clk + " " + c + " " + ba + " " + ro));
        return cmds;
    }

    @Test
    void namingTheDefaultsChangesNothing() {
        RequestTrace t = DramSimulatorTest.hotspot(3_000, 2);
        SimConfig base = SimConfig.of(DDR4, "RoBaRaCoCh").withDrain(true);
        SimResult[] a = new SimResult[1], b = new SimResult[1];
        assertThat(commands(base.withPolicies("FR-FCFS", "All-Bank"), t, b)).isEqualTo(commands(base, t, a));
        assertThat(b[0]).isEqualTo(a[0]);
        assertThat(base.scheduler()).isEqualTo("frfcfs");
        assertThat(base.refresh()).isEqualTo("all-bank");
    }

    @Test
    void fcfsServesInArrivalOrderSoItLosesTheRowHitsFrFcfsReordersFor() {
        RequestTrace t = DramSimulatorTest.hotspot(3_000, 2);
        SimConfig frfcfs = SimConfig.of(DDR4, "RoBaRaCoCh").withDrain(true);
        SimResult[] r = new SimResult[1];
        commands(frfcfs, t, r);
        SimResult fr = r[0];
        commands(frfcfs.withPolicies("fcfs", "all-bank"), t, r);
        SimResult fc = r[0];
        assertThat(fc.reads()).isEqualTo(fr.reads());
        assertThat(fc.writes()).isEqualTo(fr.writes());
        assertThat(fc.rowHits()).isLessThan(fr.rowHits());
        assertThat(fc.drainCycles()).isGreaterThan(fr.drainCycles());
        assertThat(fc.rowConflicts() + fc.rowMisses()).isGreaterThan(fr.rowConflicts() + fr.rowMisses());
    }

    @Test
    void refreshNoneIssuesNoRefreshAndAllBankOneEveryTrefi() {
        RequestTrace t = DramSimulatorTest.sequential(20_000);
        SimResult[] r = new SimResult[1];
        commands(SimConfig.of(DDR4, "RoBaRaCoCh").withDrain(true), t, r);
        SimResult allBank = r[0];
        commands(SimConfig.of(DDR4, "RoBaRaCoCh").withDrain(true).withPolicies("frfcfs", "none"), t, r);
        SimResult none = r[0];
        assertThat(allBank.count(SimCommand.REF)).isEqualTo(allBank.drainCycles() / DDR4.timings().nREFI());
        assertThat(none.count(SimCommand.REF)).isZero();
        assertThat(none.drainCycles()).isLessThan(allBank.drainCycles());
    }

    @Test
    void unknownNamesAreRefusedListingTheKnownOnes() {
        SimConfig base = SimConfig.of(DDR4, "RoBaRaCoCh");
        assertThatThrownBy(() -> base.withPolicies("lifo", "all-bank")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--scheduler").hasMessageContaining("frfcfs").hasMessageContaining("fcfs");
        assertThatThrownBy(() -> base.withPolicies("fcfs", "per-bank")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--refresh").hasMessageContaining("all-bank");
    }
}
