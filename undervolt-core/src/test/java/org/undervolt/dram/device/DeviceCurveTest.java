package org.undervolt.dram.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

/** The floor policy, saturation, monotone envelope and limited_by of one device's curve. */
class DeviceCurveTest {

    private static DeviceCurve curve(String sel) {
        return DeviceSet.select(sel).devices().get(0).curve(BerBound.LOWER);
    }

    @Test
    void stopPolicyStopsAtTheLowestMeasuredPointAndSaysSo() {
        DeviceCurve b7 = curve("voltron:B7");
        assertThat(b7.floor()).isEqualTo(1.025);
        DeviceCurve.Setting s = b7.lowest(1e-2, FloorPolicy.STOP);
        assertThat(s.x()).isEqualTo(1.025);
        assertThat(s.limitedBy()).isEqualTo(LimitedBy.DATA_FLOOR);
        assertThat(s.ber()).isCloseTo(0.56378608942 / 512, offset(1e-15));
        assertThatThrownBy(() -> b7.ber(1.0, FloorPolicy.STOP)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("below device voltron:B7's data");
        // within the data the tolerance decides, and the BER there is the tolerance
        DeviceCurve.Setting t = b7.lowest(1e-6, FloorPolicy.STOP);
        assertThat(t.limitedBy()).isEqualTo(LimitedBy.TOLERANCE);
        assertThat(t.x()).isBetween(1.05, 1.075);
        assertThat(t.ber()).isLessThanOrEqualTo(1e-6).isCloseTo(1e-6, offset(1e-9));
    }

    @Test
    void extrapolationFollowsTheFittedLawOneStepAndNoFurther() {
        DeviceCurve b8 = curve("voltron:B8");
        // own slope from its two lowest points (1.025 V and 1.05 V, both nonzero)
        double k = (Math.log(0.0181890428066 / 512) - Math.log(0.0000301599502563 / 512)) / (1.025 - 1.05);
        assertThat(b8.slope()).isCloseTo(k, offset(1e-9));
        double tol = 1e-4;
        DeviceCurve.Setting s = b8.lowest(tol, FloorPolicy.EXTRAPOLATE);
        assertThat(s.limitedBy()).isEqualTo(LimitedBy.TOLERANCE);
        assertThat(s.x()).isLessThan(1.025).isCloseTo(1.025 + (Math.log(tol) - Math.log(0.0181890428066 / 512)) / k, offset(1e-9));
        assertThat(s.ber()).isLessThanOrEqualTo(tol);
        assertThat(b8.extrapolationLimit()).isCloseTo(1.0, offset(1e-12));
        DeviceCurve.Setting far = b8.lowest(0.4, FloorPolicy.EXTRAPOLATE);
        assertThat(far.limitedBy()).isEqualTo(LimitedBy.EXTRAPOLATION_LIMIT);
        assertThat(far.x()).isEqualTo(b8.extrapolationLimit());
        // a device with no errors at its floor has no law: extrapolation stops at the data floor
        DeviceCurve a9 = curve("voltron:A9");
        assertThat(a9.slope()).isNaN();
        assertThat(a9.lowest(1e-3, FloorPolicy.EXTRAPOLATE).limitedBy()).isEqualTo(LimitedBy.DATA_FLOOR);
        // a device with one nonzero point borrows the table's median slope
        DeviceCurve a1 = curve("voltron:A1");
        assertThat(a1.slope()).isEqualTo(DeviceSet.select("voltron:A1").devices().get(0).fallbackSlope()).isNegative();
    }

    @Test
    void saturatedPointsAreNotUsedAndBerNeverFallsAsVoltageFalls() {
        DeviceCurve c1 = curve("voltron:C1");
        assertThat(c1.floor()).isEqualTo(1.175); // 1.15, 1.125 and 1.1 V sit on vendor C's 50 % plateau
        DeviceCurve b1 = curve("voltron:B1");
        double[] x = b1.xs();
        double[] b = b1.bers();
        for (int i = 0; i + 1 < x.length; i++) {
            assertThat(b[i]).isGreaterThanOrEqualTo(b[i + 1]);
        }
        // B1 measured 0.0037 % at 1.025 V below 0.0046 % at 1.05 V: the running maximum keeps 0.0046 %
        assertThat(b1.floorBer()).isCloseTo(0.0000457763671875 / 512, offset(1e-18));
        assertThat(b1.lowest(0, FloorPolicy.STOP).x()).isEqualTo(1.1);
    }

    @Test
    void latencyDevicesGoBelowNominalTrcd() {
        DeviceCurve a01 = curve("diva:A01");
        DeviceCurve.Setting s = a01.lowest(1e-4, FloorPolicy.STOP);
        assertThat(s.x()).isBetween(7.5, 10.0);
        assertThat(s.limitedBy()).isEqualTo(LimitedBy.TOLERANCE);
        assertThat(a01.lowest(0, FloorPolicy.STOP).x()).isEqualTo(12.5); // 0 tolerated: nominal
        assertThat(a01.floor()).isEqualTo(7.5); // tRCD 2 cycles (5 ns) is saturated
    }
}
