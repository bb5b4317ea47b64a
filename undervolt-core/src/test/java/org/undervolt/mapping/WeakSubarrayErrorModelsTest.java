package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.dram.error.WeakCells;
import org.undervolt.dram.spec.DramPresets;

/**
 * What the parameters of the registry's {@code weak-subarray} model mean (the contract every registered model keeps is
 * {@code ErrorModelContractTest}'s): a BER is a device's voltage, the unsafe fraction there is the device's failing-line
 * fraction, unsafe subarrays err at BER(V)/f(V); the part only sets the voltage axis; the device is one BER(VDD) device.
 * Region: one 64-byte row in each of 16 banks x 64 subarrays.
 */
class WeakSubarrayErrorModelsTest {
    private static final int BANKS = 16;
    private static final int SUBARRAYS = 64;

    private static MemoryRegion region() {
        List<RowSpan> spans = new ArrayList<>();
        for (int b = 0; b < BANKS; b++) {
            for (int s = 0; s < SUBARRAYS; s++) {
                int at = 64 * (b * SUBARRAYS + s);
                spans.add(new RowSpan(at, at + 64, b, s, 0, 0));
            }
        }
        return new MemoryRegion(new byte[64 * BANKS * SUBARRAYS], 0, 64 * BANKS * SUBARRAYS, () -> spans);
    }

    private static OperatingPointBer device(String device, String part) {
        return OperatingPointBer.of(DramModule.of(DramPresets.get(part)), DeviceSet.select(device).devices().get(0),
                FloorPolicy.STOP);
    }

    @Test
    void aBerIsTheDevicesVoltageWhereTheUnsafeFractionIsItsFailingFraction() {
        for (String device : List.of("voltron:A4", "voltron:B7", "voltron:B8")) {
            OperatingPointBer curve = device(device, "LPDDR3-1600_4Gb_x32");
            ErrorModelFamily family = ErrorModelRegistry.family("weak-subarray:device=" + device, WeakCells.fixed(5));
            assertThat(family.maxBer()).isEqualTo(curve.ber(curve.lowestVolts(), curve.nominalTrcd()));
            for (double ber : new double[] {family.maxBer() / 100, family.maxBer() / 3, family.maxBer()}) {
                WeakSubarrayErrorModel m = (WeakSubarrayErrorModel) family.atBer(ber);
                double v = curve.voltsFor(ber);
                double f = curve.failingFraction(v);
                assertThat(m.volts()).isEqualTo(v);
                assertThat(m.unsafeFraction()).isEqualTo(f).isPositive();
                assertThat(m.inSubarrayBer()).isCloseTo(curve.ber(v, curve.nominalTrcd()) / f, within(1e-15));
                assertThat(m.name()).startsWith("weak-subarray(vdd=");
                // on one device, the unsafe subarrays among 1024 are a binomial draw with probability f(V), and each
                // expects 512 bits x the rate inside
                MemoryRegion r = region();
                long unsafe = r.spans().stream().filter(s -> m.model().ber(5, s.bank(), s.subarray()) > 0).count();
                double n = BANKS * SUBARRAYS;
                assertThat((double) unsafe).as(device + " at " + ber).isCloseTo(n * f, within(5 * Math.sqrt(n * f * (1 - f)) + 1));
                assertThat(m.expectedFlips(r)).isCloseTo(unsafe * 512 * m.inSubarrayBer(), within(1e-9));
            }
        }
    }

    @Test
    void thePartOnlySetsTheVoltageAxis() {
        // LPDDR3 at 1.2 V and DDR3L at 1.35 V nominal: the same BER is the same fraction of nominal, the same errors
        ErrorModelFamily lp = ErrorModelRegistry.family("weak-subarray:device=voltron:B7,part=LPDDR3-1600_4Gb_x32",
                WeakCells.fixed(3));
        ErrorModelFamily ddr3l = ErrorModelRegistry.family("weak-subarray:device=voltron:B7,part=ddr3l-1600_4gb_x8",
                WeakCells.fixed(3));
        assertThat(ddr3l.name()).isEqualTo("weak-subarray:device=voltron:B7,part=DDR3L-1600_4Gb_x8");
        double ber = lp.maxBer() / 10;
        WeakSubarrayErrorModel a = (WeakSubarrayErrorModel) lp.atBer(ber);
        WeakSubarrayErrorModel b = (WeakSubarrayErrorModel) ddr3l.atBer(ber);
        assertThat(b.volts() / a.volts()).isCloseTo(1.35 / 1.2, within(1e-12));
        assertThat(b.unsafeFraction()).isCloseTo(a.unsafeFraction(), within(1e-12 * a.unsafeFraction()));
        assertThat(b.expectedFlips(region())).isCloseTo(a.expectedFlips(region()), within(1e-9 * a.expectedFlips(region())));
    }

    @Test
    void theDefaultsAreTheProjectsDeviceOnTheSparkxdPart() {
        assertThat(ErrorModelRegistry.family("weak-subarray", 1).name())
                .isEqualTo("weak-subarray:device=" + OperatingPointBer.DEFAULT_VDD_DEVICE + ",part=LPDDR3-1600_4Gb_x32");
    }

    @Test
    void theDeviceIsOneBerVddDevice() {
        for (String bad : List.of("weak-subarray:device=voltron", "weak-subarray:device=diva:A01",
                "weak-subarray:device=voltron:Z9", "weak-subarray:part=DDR9-1", "weak-subarray:device=/no/such.csv")) {
            assertThatThrownBy(() -> ErrorModelRegistry.family(bad, 1)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("error model '" + bad + "': ")
                    .hasMessageEndingWith("; expected weak-subarray[:device=DEVICE,part=PART]")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
