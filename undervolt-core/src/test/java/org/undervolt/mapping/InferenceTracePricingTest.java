package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.device.BerBound;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.VoltageTimingTable;
import org.undervolt.nn.zoo.LeNet5;

class InferenceTracePricingTest {
    final DramModule m = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
    final NetworkData net = new NetworkData(LayerShape.of(LeNet5.mnist(1)), 1);
    final List<Transfer> transfers = new StreamingDataflow().transfers(net);

    /** LeNet-5's items, weights tolerating {@code tol}, feature maps {@code ifmTol}, the output nothing. */
    List<DataItem> items(double tol, double ifmTol) {
        List<DataItem> out = new ArrayList<>();
        for (String n : net.itemNames()) {
            double t = n.equals(NetworkData.OUTPUT) ? 0 : n.endsWith(".ifm") ? ifmTol : tol;
            out.add(new DataItem(n, net.bytesOf(n), 0, 0, t));
        }
        return out;
    }

    InferenceTracePricing pricing(List<DataItem> items) {
        return InferenceTracePricing.of(m, PagePolicy.OPEN, RowAllocator.Order.DRMAP, items, transfers);
    }

    /**
     * Within a timing set the energy is affine in the law's factor, so one simulation per set prices every voltage:
     * equal to a simulation at that voltage (the listener at each subarray's voltage) to rounding, both laws, the
     * feature maps lowered or kept at nominal.
     */
    @Test
    void oneSimulationPerTimingSetEqualsASimulationAtEachVoltage() {
        for (double ifmTol : new double[] {1e-4, 0}) {
            InferenceTracePricing p = pricing(items(1e-4, ifmTol));
            for (VoltageScaling law : new VoltageScaling[] {VoltageScaling.LINEAR, VoltageScaling.QUADRATIC}) {
                InferenceSimulation direct = new InferenceSimulation(m, law, PagePolicy.OPEN);
                for (double v : new double[] {1.35, 1.3, 1.299, 1.25, 1.2, 1.137, 1.1, 1.0}) {
                    double expected = direct.run(p.trace(), m.nominalTrcd(), p.lowered(v)).totalJoules();
                    assertThat(p.joules(v, law)).as("%s at %s V, ifm %s", law, v, ifmTol)
                            .isCloseTo(expected, offset(1e-12 * expected));
                    double seconds = direct.run(p.trace(), m.nominalTrcd(), p.lowered(v)).seconds();
                    assertThat(p.latencySeconds(v, Double.NaN)).isCloseTo(seconds, offset(1e-15));
                }
            }
        }
    }

    /** Keeping the feature maps at nominal saves less; the stream at nominal is the same either way. */
    @Test
    void dataThatToleratesNothingStaysAtNominal() {
        InferenceTracePricing lowered = pricing(items(1e-4, 1e-4));
        InferenceTracePricing kept = pricing(items(1e-4, 0));
        VoltageScaling q = VoltageScaling.QUADRATIC;
        double sLowered = 1 - lowered.joules(1.2, q) / lowered.joules(1.35, q);
        double sKept = 1 - kept.joules(1.2, q) / kept.joules(1.35, q);
        assertThat(sKept).isPositive().isLessThan(sLowered);
        assertThat(sLowered).isLessThan(1 - Math.pow(1.2 / 1.35, 2));
    }

    /**
     * A whole lookup (30 devices, every tolerance of the saving curve, each on the 1 mV grid) simulates once per
     * distinct timing set of the VDD→timing table on this part, not once per voltage; its points are monotone as the
     * reference access's are, and the median's saving is the pricing's at the median's voltage.
     */
    @Test
    void theLookupSimulatesOncePerTimingSet() {
        InferenceTracePricing p = pricing(items(1e-3, 1e-3));
        OperatingPoints lookup = new OperatingPoints(DeviceSet.voltron(), p, VoltageScaling.QUADRATIC, FloorPolicy.STOP,
                BerBound.LOWER);
        double previous = -1;
        for (double t : org.undervolt.dram.device.OperatingPointSummary.CURVE_TOLERANCES) {
            OperatingPoint med = OperatingPoints.median(lookup.at(t));
            assertThat(med.energySaving()).isGreaterThanOrEqualTo(previous);
            previous = med.energySaving();
            assertThat(med.energySaving()).isEqualTo(1 - p.joules(med.chosen(), VoltageScaling.QUADRATIC)
                    / p.joules(1.35, VoltageScaling.QUADRATIC));
        }
        assertThat(previous).isPositive();
        java.util.Set<Object> sets = new java.util.HashSet<>();
        VoltageTimingTable table = VoltageTimingTable.builtin();
        for (int mv = 1350; mv >= (int) Math.ceil(p.lowestVolts() * 1000); mv--) {
            sets.add(table.at(m.spec().timings(), Math.min(mv / 1000.0, 1.35), 1.35).cycles());
        }
        assertThat(p.simulations()).isPositive().isLessThanOrEqualTo(sets.size()).isLessThan(30);
        assertThat(p.pricedOn()).isEqualTo("network inference trace");
    }
}
