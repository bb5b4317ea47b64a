package org.undervolt.dram.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

/** Issue 16, item 4: a combined (VDD and tRCD) point only where one DIMM was measured against both knobs. */
public class CombinedPointsTest {
    private static final DramSpec DDR3L = DramPresets.get("DDR3L-1600");

    /** D1 measured against both knobs (population "lab"); D2 against VDD only. */
    public static Path[] labTables(Path dir, boolean sameDimms) throws Exception {
        Path vdd = Files.writeString(dir.resolve("lab_vdd.csv"), (sameDimms ? "# dimms: lab\n" : "") + """
                # knob: vdd
                # unit: V
                # nominal: 1.35
                device,vendor,x,measured,ber_lower,ber_upper,saturated
                D1,A,1.1,0,1e-6,1e-6,0
                D1,A,1.2,0,0,0,0
                D1,A,1.35,0,0,0,0
                D2,A,1.1,0,1e-3,1e-3,0
                D2,A,1.2,0,0,0,0
                D2,A,1.35,0,0,0,0
                """);
        Path trcd = Files.writeString(dir.resolve("lab_trcd.csv"), (sameDimms ? "# dimms: lab\n" : "") + """
                # knob: trcd
                # unit: ns
                # nominal: 12.5
                device,vendor,x,measured,ber_lower,ber_upper,saturated
                D1,A,7.5,0,1e-2,1e-2,0
                D1,A,10,0,1e-6,1e-6,0
                D1,A,12.5,0,0,0,0
                """);
        return new Path[] {vdd, trcd};
    }

    private static OperatingPoints lookup(DeviceSet set) {
        return new OperatingPoints(set, DDR3L, VoltageScaling.QUADRATIC, FloorPolicy.STOP, BerBound.LOWER);
    }

    @Test
    void theBundledDevicesHaveNoCombinedPointAndSayWhy() {
        CombinedPoints.Result r = new CombinedPoints(lookup(DeviceSet.voltron()), DeviceSet.diva()).at(1e-4);
        assertThat(r.points()).isEmpty();
        assertThat(r.reason()).contains("none of the 30 BER(VDD) devices").contains("different modules")
                .contains("# dimms: NAME");
    }

    @Test
    void aDimmMeasuredAtBothKnobsGetsVoltageAndReducedTrcdWithinTheTolerance(@TempDir Path dir) throws Exception {
        Path[] t = labTables(dir, true);
        DeviceSet vdd = DeviceSet.select(t[0].toString());
        DeviceSet trcd = DeviceSet.select(t[1].toString());
        assertThat(vdd.devices().get(0).name()).isEqualTo("lab:D1");
        OperatingPoints volts = lookup(vdd);
        CombinedPoints.Result r = new CombinedPoints(volts, trcd).at(1e-4);
        assertThat(r.points()).hasSize(1);
        assertThat(r.reason()).contains("1 of the 2");
        CombinedPoint c = r.points().get(0);
        OperatingPoint v = volts.at(1e-4).get(0);
        assertThat(c.vdd()).isEqualTo(v);
        assertThat(v.limitedBy()).isEqualTo(LimitedBy.DATA_FLOOR); // 1.1 V of 1.35, BER 1e-6: the rest goes to tRCD
        // rest of the tolerance (1e-4 - 1e-6) / (1 - 1e-6) lands between 7.5 ns (1e-2) and 10 ns (1e-6), log-linear:
        // 7.5 + 2.5 * ln(rest / 1e-2) / ln(1e-6 / 1e-2) = 8.753 ns = 0.7002 of nominal
        double rest = (1e-4 - 1e-6) / (1 - 1e-6);
        double rel = (7.5 + 2.5 * Math.log(rest / 1e-2) / Math.log(1e-6 / 1e-2)) / 12.5;
        double needed = c.trcdAtVoltsNs();
        assertThat(needed).isGreaterThan(13.75); // DDR3L's 11 cycles, lengthened at 1.1 / 1.35 of nominal VDD
        double cycles = Math.ceil(rel * needed / 1.25 - 1e-9);
        assertThat(c.trcdNs()).isCloseTo(cycles * 1.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.trcdNs()).isLessThan(13.75);
        assertThat(c.berAtChosen()).isLessThanOrEqualTo(1e-4).isGreaterThan(1e-6);
        assertThat(c.limitedBy()).isEqualTo(LimitedBy.TOLERANCE);
        assertThat(c.latencyChange()).isLessThan(v.latencyChange());
        // the JSON view carries both knobs
        var json = OperatingPointSummary.combined(r, trcd.selector());
        assertThat(json.get("available")).isEqualTo(true);
        assertThat((List<?>) json.get("devices")).hasSize(1);
    }

    @Test
    void tablesThatDoNotNameTheSameDimmsDoNotPair(@TempDir Path dir) throws Exception {
        Path[] t = labTables(dir, false);
        CombinedPoints.Result r = new CombinedPoints(lookup(DeviceSet.select(t[0].toString())),
                DeviceSet.select(t[1].toString())).at(1e-4);
        assertThat(r.points()).isEmpty();
        assertThat(r.reason()).startsWith("no combined point").doesNotContain("different modules");
    }

    @Test
    void theKnobsMustBeVddThenTrcd() {
        assertThatThrownBy(() -> new CombinedPoints(lookup(DeviceSet.voltron()), DeviceSet.voltron()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("BER(tRCD)");
    }
}
