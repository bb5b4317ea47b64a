package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class BerVoltageTableTest {
    private final BerVoltageTable t = BerVoltageTable.builtin();

    private static BerVoltageTable parse(String csv) throws Exception {
        return BerVoltageTable.load("t.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void builtinNamesItsSourceAndNominal() {
        assertThat(t.nominalVolts()).isEqualTo(1.35);
        assertThat(t.source()).contains("Voltron").contains("PLACEHOLDER").contains("NOT digitised");
        assertThat(t.voltages()).containsExactly(1.025, 1.100, 1.175, 1.250, 1.325, 1.350);
    }

    @Test
    void tabulatedPointsAreExactAndAboveTheTopIsFlat() {
        assertThat(t.ber(1.100)).isEqualTo(3.16e-5);
        assertThat(t.ber(1.025)).isEqualTo(3.16e-3);
        assertThat(t.ber(1.35)).isZero();
        assertThat(t.ber(1.6)).isZero();
        assertThatThrownBy(() -> t.ber(1.0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void interpolationIsLogLinearBetweenNonzeroPoints() {
        assertThat(t.ber(1.0625)).isCloseTo(Math.sqrt(3.16e-5 * 3.16e-3), within(1e-15));
        // linear between 1.175 (3.16e-7) and 1.25 (0)
        assertThat(t.ber(1.2125)).isCloseTo(3.16e-7 / 2, within(1e-18));
    }

    @Test
    void lowestVoltageSolvesEachSegmentExactly() {
        // log10 BER goes from -2.5003 at 1.025 V to -4.5003 at 1.100 V
        double expected = 1.025 + (Math.log(1e-3) - Math.log(3.16e-3)) / (Math.log(3.16e-5) - Math.log(3.16e-3)) * 0.075;
        OptionalDouble v = t.lowestVoltageFor(1e-3);
        assertThat(v).isPresent();
        assertThat(v.getAsDouble()).isCloseTo(expected, within(1e-12));
        assertThat(t.ber(v.getAsDouble())).isLessThanOrEqualTo(1e-3);
        assertThat(t.ber(v.getAsDouble() - 1e-6)).isGreaterThan(1e-3);
        assertThat(t.lowestVoltageFor(0).getAsDouble()).isEqualTo(1.25);
        assertThat(t.lowestVoltageFor(1).getAsDouble()).isEqualTo(1.025);
        assertThat(t.lowestVoltageFor(3.16e-5).getAsDouble()).isCloseTo(1.1, within(1e-12));
        assertThatThrownBy(() -> t.lowestVoltageFor(1.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void emptyWhenNoVoltageQualifies() throws Exception {
        BerVoltageTable all = parse("# nominal_vdd_v: 1.2\nvdd_v,ber\n1.0,1e-3\n1.2,1e-6\n");
        assertThat(all.lowestVoltageFor(1e-7)).isEmpty();
        assertThat(all.lowestVoltageFor(1e-6).getAsDouble()).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void relativeToMapsEqualRelativeVoltagesToEqualBer() {
        BerVoltageTable lp = t.relativeTo(1.2);
        assertThat(lp.nominalVolts()).isEqualTo(1.2);
        assertThat(lp.ber(1.1 * 1.2 / 1.35)).isCloseTo(t.ber(1.1), within(1e-18));
        assertThat(lp.ber(1.06 * 1.2 / 1.35)).isCloseTo(t.ber(1.06), within(1e-15));
        assertThat(lp.lowestVoltageFor(1e-3).getAsDouble())
                .isCloseTo(t.lowestVoltageFor(1e-3).getAsDouble() * 1.2 / 1.35, within(1e-9));
    }

    @Test
    void badFilesNameLineAndField() {
        assertThatThrownBy(() -> parse("vdd_v,ber\n1.0,0.1\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nominal_vdd_v");
        assertThatThrownBy(() -> parse("# nominal_vdd_v: 1.35\nvdd_v,ber\n1.0,abc\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("t.csv:3").hasMessageContaining("'ber'");
        assertThatThrownBy(() -> parse("# nominal_vdd_v: 1.35\nvdd_v,ber\n1.0,2\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> parse("# nominal_vdd_v: 1.35\nvolts;ber\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.csv:2");
        assertThatThrownBy(() -> parse("# nominal_vdd_v: 1.35\nvdd_v,ber\n1.0,0.1\n1.0,0.2\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("# nominal_vdd_v: 1.35\nvdd_v,ber\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no data");
    }
}
