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
    void builtinIsVoltronVendorBAndNamesItsSource() {
        assertThat(t.nominalVolts()).isEqualTo(1.35);
        assertThat(t.source()).contains("Voltron").contains("DRAM-Voltage-Study").contains("vendor B")
                .doesNotContain("PLACEHOLDER");
        assertThat(t.voltages()).containsExactly(1.025, 1.050, 1.075, 1.100, 1.125, 1.150, 1.175, 1.200, 1.250, 1.300,
                1.350);
    }

    @Test
    void tableFollowsFromVoltronsPerDimmData() {
        // dimm_faulty_cachelines_out.csv, vendor B at 1.025 V: B7 56.378608942 %, B8 1.81890428066 %,
        // B9 20.1070934534 %, B1 0.0037282705307 % of cache lines with errors; mean f -> 1 - (1 - f)^(1/512)
        double f = (56.378608942 + 1.81890428066 + 20.1070934534 + 0.0037282705307) / 4 / 100;
        double ber = 1 - Math.pow(1 - f, 1.0 / 512);
        assertThat(t.ber(1.025)).isCloseTo(ber, within(ber * 5e-3)); // the file keeps 3 significant digits
        assertThat(t.ber(1.025)).isEqualTo(4.25e-4);
    }

    @Test
    void tabulatedPointsAreExactAndAboveTheTopIsFlat() {
        assertThat(t.ber(1.100)).isEqualTo(3.17e-9);
        assertThat(t.ber(1.050)).isEqualTo(7.17e-5);
        assertThat(t.ber(1.150)).isZero();
        assertThat(t.ber(1.35)).isZero();
        assertThat(t.ber(1.6)).isZero();
        assertThatThrownBy(() -> t.ber(1.0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void interpolationIsLogLinearBetweenNonzeroPoints() {
        assertThat(t.ber(1.0375)).isCloseTo(Math.sqrt(4.25e-4 * 7.17e-5), within(1e-15));
        // linear between 1.125 (8.32e-12) and 1.15 (0)
        assertThat(t.ber(1.1375)).isCloseTo(8.32e-12 / 2, within(1e-22));
    }

    @Test
    void lowestVoltageSolvesEachSegmentExactly() {
        // log-linear segment from 4.25e-4 at 1.025 V to 7.17e-5 at 1.050 V
        double expected = 1.025 + (Math.log(1e-4) - Math.log(4.25e-4)) / (Math.log(7.17e-5) - Math.log(4.25e-4)) * 0.025;
        OptionalDouble v = t.lowestVoltageFor(1e-4);
        assertThat(v).isPresent();
        assertThat(v.getAsDouble()).isCloseTo(expected, within(1e-12));
        assertThat(t.ber(v.getAsDouble())).isLessThanOrEqualTo(1e-4);
        assertThat(t.ber(v.getAsDouble() - 1e-6)).isGreaterThan(1e-4);
        assertThat(t.lowestVoltageFor(0).getAsDouble()).isEqualTo(1.15);
        assertThat(t.lowestVoltageFor(1e-3).getAsDouble()).isEqualTo(1.025);
        assertThat(t.lowestVoltageFor(3.17e-9).getAsDouble()).isCloseTo(1.1, within(1e-12));
        assertThatThrownBy(() -> t.lowestVoltageFor(1.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void otherVoltronVendorsLoad() {
        BerVoltageTable a = BerVoltageTable.voltronVendor('a');
        assertThat(a.source()).contains("vendor A");
        assertThat(a.lowestTabulatedVolts()).isEqualTo(1.1);
        assertThat(a.ber(1.1)).isEqualTo(6.75e-4);
        assertThat(a.ber(1.15)).isZero();
        BerVoltageTable c = BerVoltageTable.voltronVendor('C');
        assertThat(c.ber(1.25)).isEqualTo(1.21e-4);
        assertThat(c.ber(1.3)).isZero();
        assertThat(BerVoltageTable.voltronVendor('B').bers()).containsExactly(t.bers());
        assertThatThrownBy(() -> BerVoltageTable.voltronVendor('D')).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("A, B or C");
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
        assertThat(lp.ber(1.04 * 1.2 / 1.35)).isCloseTo(t.ber(1.04), within(1e-15));
        assertThat(lp.lowestVoltageFor(1e-4).getAsDouble())
                .isCloseTo(t.lowestVoltageFor(1e-4).getAsDouble() * 1.2 / 1.35, within(1e-9));
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

    @Test
    void vendorNamesThatAreNotFilesLoadTheBuiltInVendorTables() {
        for (char v : new char[] {'A', 'B', 'C'}) {
            BerVoltageTable named = BerVoltageTable.load(java.nio.file.Path.of("voltron-" + Character.toLowerCase(v)));
            BerVoltageTable vendor = BerVoltageTable.voltronVendor(v);
            for (double vdd = vendor.lowestTabulatedVolts(); vdd <= 1.35; vdd += 0.0125) {
                assertThat(named.ber(vdd)).as("vendor %s at %.4f V", v, vdd).isEqualTo(vendor.ber(vdd));
            }
        }
        assertThat(BerVoltageTable.load(java.nio.file.Path.of("voltron-B")).ber(1.025))
                .isEqualTo(BerVoltageTable.builtin().ber(1.025));
        assertThatThrownBy(() -> BerVoltageTable.load(java.nio.file.Path.of("voltron-D"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("Voltron vendor 'D': expected A, B or C");
        assertThatThrownBy(() -> BerVoltageTable.load(java.nio.file.Path.of("no-such-table.csv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("or voltron-A, voltron-B or voltron-C");
    }
}
