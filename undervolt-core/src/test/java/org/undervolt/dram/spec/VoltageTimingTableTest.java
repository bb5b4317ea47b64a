package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class VoltageTimingTableTest {
    private final VoltageTimingTable t = VoltageTimingTable.builtin();

    @Test
    void factorsInterpolateAndStayOneAtNominal() {
        assertThat(t.source()).contains("PLACEHOLDER").contains("Voltron");
        assertThat(t.factors(1.0)).containsExactly(1.0, 1.0, 1.0);
        assertThat(t.factors(1.2)).containsExactly(1.0, 1.0, 1.0);
        assertThat(t.factors(0.9)[0]).isEqualTo(1.112);
        assertThat(t.factors(0.875)[0]).isCloseTo((1.112 + 1.184) / 2, within(1e-12));
        assertThatThrownBy(() -> t.factors(0.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void raisedTimingsRoundUpAndKeepTrcConsistent() {
        DramSpec lp = DramPresets.get("LPDDR3-1600");
        Timings nominal = lp.timings();
        Timings same = t.at(nominal, 1.2, 1.2);
        assertThat(same.cycles()).isEqualTo(nominal.cycles());
        Timings low = t.at(nominal, 1.2 * 0.8, 1.2); // factor 1.272
        assertThat(low.rcd()).isEqualTo((int) Math.ceil(15 * 1.272));
        assertThat(low.rp()).isEqualTo((int) Math.ceil(15 * 1.272));
        assertThat(low.ras()).isEqualTo((int) Math.ceil(36 * 1.272));
        assertThat(low.rc()).isEqualTo(48 + (low.ras() - 36) + (low.rp() - 15));
        assertThat(low.rfc()).isEqualTo(nominal.rfc());
        Timings lp4 = t.at(DramPresets.get("LPDDR4-3200").timings(), 1.1 * 0.9, 1.1);
        assertThat(lp4.cycles().get("RPab")).isEqualTo((int) Math.ceil(34 * 1.112));
    }

    @Test
    void badRowsAreRejected() {
        String h = "vdd_rel,trcd_factor,trp_factor,tras_factor\n";
        assertThatThrownBy(() -> VoltageTimingTable.load("v.csv",
                new ByteArrayInputStream((h + "0.9,1.1,abc,1.1\n").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("v.csv:2").hasMessageContaining("trp_factor");
        assertThatThrownBy(() -> VoltageTimingTable.load("v.csv",
                new ByteArrayInputStream((h + "0.9,0.8,1,1\n").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(">= 1");
    }
}
