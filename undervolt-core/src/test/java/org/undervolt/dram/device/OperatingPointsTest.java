package org.undervolt.dram.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

/** The lookup over every bundled device: monotone in the tolerance, both laws, timing, the knobs' data. */
class OperatingPointsTest {
    private static final DramSpec DDR3L = DramPresets.get("DDR3L-1600");

    private static double[] tolerances() {
        double[] t = new double[41];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.pow(10, -10 + i * 0.25); // 1e-10 ... 1
        }
        t[0] = 0;
        return t;
    }

    private static void assertMonotone(OperatingPoints lookup) {
        double[] tol = tolerances();
        List<OperatingPoint> prev = lookup.at(tol[0]);
        for (int k = 1; k < tol.length; k++) {
            List<OperatingPoint> next = lookup.at(tol[k]);
            for (int i = 0; i < next.size(); i++) {
                OperatingPoint a = prev.get(i);
                OperatingPoint b = next.get(i);
                String what = b.device().name() + " at " + tol[k];
                assertThat(b.chosen()).as(what).isLessThanOrEqualTo(a.chosen());
                assertThat(b.energySaving()).as(what).isGreaterThanOrEqualTo(a.energySaving() - 1e-12);
                assertThat(b.berAtChosen()).as(what).isLessThanOrEqualTo(tol[k]);
            }
            prev = next;
        }
    }

    @Test
    void aLargerToleranceNeverGivesAHigherVoltageOrASmallerSaving() {
        for (FloorPolicy p : FloorPolicy.values()) {
            for (VoltageScaling law : List.of(VoltageScaling.QUADRATIC, VoltageScaling.LINEAR)) {
                assertMonotone(new OperatingPoints(DeviceSet.voltron(), DDR3L, law, p, BerBound.LOWER));
            }
        }
        assertMonotone(new OperatingPoints(DeviceSet.voltron(), DramPresets.get("LPDDR3-1600"), VoltageScaling.QUADRATIC,
                FloorPolicy.EXTRAPOLATE, BerBound.UPPER));
        assertMonotone(new OperatingPoints(DeviceSet.diva(), DDR3L, VoltageScaling.QUADRATIC, FloorPolicy.STOP, BerBound.LOWER));
    }

    @Test
    void theMedianSavingRisesWithTolerance() {
        OperatingPoints lookup = new OperatingPoints(DeviceSet.voltron(), DDR3L, VoltageScaling.QUADRATIC, FloorPolicy.STOP,
                BerBound.LOWER);
        double lo = OperatingPoints.Spread.of(lookup.at(1e-8).stream().mapToDouble(OperatingPoint::energySaving).toArray()).median();
        double hi = OperatingPoints.Spread.of(lookup.at(1e-2).stream().mapToDouble(OperatingPoint::energySaving).toArray()).median();
        assertThat(hi).isGreaterThan(lo + 0.01);
        // at 1e-2 every device stops at its own data floor: the data, not the network, limits it
        assertThat(OperatingPoints.limitedCounts(lookup.at(1e-2))).containsOnlyKeys(LimitedBy.DATA_FLOOR);
    }

    @Test
    void lowerVoltageLengthensTimingAndBothLawsAreReported() {
        OperatingPoints lookup = new OperatingPoints(DeviceSet.select("voltron:B8"), DDR3L, VoltageScaling.QUADRATIC,
                FloorPolicy.STOP, BerBound.LOWER);
        OperatingPoint p = lookup.at(1e-2).get(0);
        assertThat(p.chosen()).isEqualTo(1.025);
        assertThat(p.latencyChange()).isGreaterThan(0.1); // tRP and tRCD of the SPICE table at 0.76 of nominal
        assertThat(p.energySavingLinear()).isPositive().isLessThan(p.energySavingQuadratic());
        assertThat(p.energySaving()).isEqualTo(p.energySavingQuadratic());
        // the saving is less than the bare (V/Vnom)^2 of the command energies: the longer row cycle costs background energy
        assertThat(p.energySavingQuadratic()).isLessThan(1 - Math.pow(1.025 / 1.35, 2));
        OperatingPoint nominal = lookup.at(0).get(0);
        assertThat(nominal.latencyChange()).isLessThan(p.latencyChange());
    }

    @Test
    void latencyDevicesRunBelowNominalTrcdAtTolerance1e4() {
        OperatingPoints lookup = new OperatingPoints(DeviceSet.diva(), DDR3L, VoltageScaling.QUADRATIC, FloorPolicy.STOP,
                BerBound.LOWER);
        List<OperatingPoint> at = lookup.at(1e-4);
        long below = at.stream().filter(p -> p.chosen() < p.nominal()).count();
        assertThat(below).isGreaterThan(at.size() / 2);
        assertThat(at).allMatch(p -> p.knob() == Knob.TRCD && p.energySaving() == 0 && p.latencyChange() <= 0);
        assertThat(at.get(0).nominal()).isEqualTo(13.75); // DDR3L-1600: 11 cycles of 1.25 ns
        // chosen tRCD is whole cycles of the part
        assertThat(at).allMatch(p -> Math.abs(p.chosen() / 1.25 - Math.rint(p.chosen() / 1.25)) < 1e-9);
        assertThat(OperatingPoints.median(at).device().name()).isEqualTo("diva:B23");
    }
}
