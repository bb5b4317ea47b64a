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
        assertThat(t.source()).contains("Voltron").contains("voltron_spice.asc").contains("ESTIMATE")
                .doesNotContain("PLACEHOLDER");
        assertThat(t.factors(1.0)).containsExactly(1.0, 1.0, 1.0);
        assertThat(t.factors(1.2)).containsExactly(1.0, 1.0, 1.0);
        // tools/voltron-spice/voltron_timing.py at 0.90 x 1.35 V: array tRCD 8.75 ns vs 8.39 ns -> 1 + 0.36 / 13.75
        assertThat(t.factors(0.9)).containsExactly(1.026, 1.052, 1.045);
        assertThat(t.factors(0.875)[0]).isCloseTo((1.026 + 1.069) / 2, within(1e-12));
        assertThat(t.factors(0.7)).containsExactly(1.399, 1.389, 1.372);
        assertThatThrownBy(() -> t.factors(0.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void raisedTimingsRoundUpAndKeepTrcConsistent() {
        DramSpec lp = DramPresets.get("LPDDR3-1600");
        Timings nominal = lp.timings();
        Timings same = t.at(nominal, 1.2, 1.2);
        assertThat(same.cycles()).isEqualTo(nominal.cycles());
        Timings low = t.at(nominal, 1.2 * 0.8, 1.2); // factors 1.137 / 1.161 / 1.151
        assertThat(low.rcd()).isEqualTo((int) Math.ceil(15 * 1.137));
        assertThat(low.rp()).isEqualTo((int) Math.ceil(15 * 1.161));
        assertThat(low.ras()).isEqualTo((int) Math.ceil(36 * 1.151));
        assertThat(low.rc()).isEqualTo(48 + (low.ras() - 36) + (low.rp() - 15));
        assertThat(low.rfc()).isEqualTo(nominal.rfc());
        Timings lp4 = t.at(DramPresets.get("LPDDR4-3200").timings(), 1.1 * 0.9, 1.1);
        assertThat(lp4.cycles().get("RPab")).isEqualTo((int) Math.ceil(34 * 1.052));
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
