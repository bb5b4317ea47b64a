package org.undervolt.dram.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.LimitedBy;

/** A user's single-curve BER(VDD) table: parsing, interpolation, and its use as a one-device set. */
class BerVoltageTableTest {
    private static final String TABLE = "# my chips, nominal_vdd_v: 1.35\nvdd_v,ber\n1.35,0\n1.15,0\n1.125,8.32e-12\n1.1,3.17e-9\n"
            + "1.075,3.68e-7\n1.05,7.17e-5\n1.025,4.25e-4\n";
    private final BerVoltageTable t = parse(TABLE);

    private static BerVoltageTable parse(String csv) {
        try {
            return BerVoltageTable.load("t.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tabulatedPointsAreExactAndAboveTheTopIsFlat() {
        assertThat(t.nominalVolts()).isEqualTo(1.35);
        assertThat(t.ber(1.100)).isEqualTo(3.17e-9);
        assertThat(t.ber(1.050)).isEqualTo(7.17e-5);
        assertThat(t.ber(1.150)).isZero();
        assertThat(t.ber(1.6)).isZero();
        assertThatThrownBy(() -> t.ber(1.0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the BER table");
    }

    @Test
    void interpolationIsLogLinearBetweenNonzeroPoints() {
        assertThat(t.ber(1.0375)).isCloseTo(Math.sqrt(4.25e-4 * 7.17e-5), within(1e-15));
        // linear between 1.125 (8.32e-12) and 1.15 (0)
        assertThat(t.ber(1.1375)).isCloseTo(8.32e-12 / 2, within(1e-22));
    }

    @Test
    void aTableFileIsOneDeviceWithTheFloorPolicyNotAClamp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, TABLE);
        DeviceSet set = DeviceSet.fromBerTable(f.toString());
        assertThat(set.devices()).singleElement().extracting(d -> d.name()).isEqualTo("table:mine");
        var c = set.devices().get(0).curve(org.undervolt.dram.device.BerBound.LOWER);
        // log-linear segment from 4.25e-4 at 1.025 V to 7.17e-5 at 1.050 V
        double expected = 1.025 + (Math.log(1e-4) - Math.log(4.25e-4)) / (Math.log(7.17e-5) - Math.log(4.25e-4)) * 0.025;
        assertThat(c.lowest(1e-4, FloorPolicy.STOP).x()).isCloseTo(expected, within(1e-9));
        assertThat(c.lowest(1e-4, FloorPolicy.STOP).limitedBy()).isEqualTo(LimitedBy.TOLERANCE);
        // a tolerance above the lowest point's BER: that point, and it says the data stopped it (was a silent clamp)
        assertThat(c.lowest(1e-3, FloorPolicy.STOP).x()).isEqualTo(1.025);
        assertThat(c.lowest(1e-3, FloorPolicy.STOP).limitedBy()).isEqualTo(LimitedBy.DATA_FLOOR);
        assertThat(c.lowest(1e-3, FloorPolicy.EXTRAPOLATE).x()).isLessThan(1.025);
    }

    @Test
    void vendorNamesSelectTheBundledDevices() {
        for (String v : new String[] {"A", "B", "C"}) {
            DeviceSet s = DeviceSet.fromBerTable("voltron-" + v);
            assertThat(s.devices()).isNotEmpty().allMatch(d -> d.vendor().equals(v) && d.family().equals("voltron"));
        }
        assertThatThrownBy(() -> DeviceSet.fromBerTable("voltron-D")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no vendor 'D'");
        assertThatThrownBy(() -> DeviceSet.fromBerTable("no-such-table.csv")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file").hasMessageContaining("voltron-A|B|C");
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
