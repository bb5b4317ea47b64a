package org.undervolt.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPointSummary;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;
import org.undervolt.usecase.OperatingPointRequest;

/**
 * The operating point of a pipeline's network before and after retraining (EDEN's curricular retraining, SparkXD's
 * fault-aware training): every device of the config's {@code devices} at each coarse tolerable BER
 * ({@link OperatingPoints}, the config's part and energy law, stopping at the data floor), the median device's point
 * for each, whether they differ, and — when they do not — why (issue 16: "before and after retraining get different
 * operating points, or limited_by says why not").
 */
final class RetrainingPoints {
    private RetrainingPoints() {
    }

    /**
     * {without_retraining: {tolerable_ber, device, chosen_vdd, energy_saving, limited_by, devices_summary},
     * with_retraining: {...}, differ, why_not, priced_on}; a tolerance that is not a positive number counts as 0 (none
     * found). Priced on the part's reference access: for a mapping stage recorded before it kept its own.
     */
    static Map<String, Object> of(PipelineConfig c, Object without, Object with) {
        return of(new OperatingPoints(MappingStage.devices(c), MemspecLoader.resolve(c.text("part")).spec(),
                VoltageScaling.parse(c.text("energy_law")), OperatingPointRequest.FLOOR, OperatingPointRequest.BOUND),
                without, with);
    }

    /**
     * The same from {@code lookup}: the mapping stage's, priced on the network's inference like the headline
     * ({@code priced_on} says which).
     */
    static Map<String, Object> of(OperatingPoints lookup, Object without, Object with) {
        double t0 = tolerance(without);
        double t1 = tolerance(with);
        List<OperatingPoint> before = lookup.at(t0);
        List<OperatingPoint> after = lookup.at(t1);
        OperatingPoint m0 = OperatingPoints.median(before);
        OperatingPoint m1 = OperatingPoints.median(after);
        boolean differ = m0.chosen() != m1.chosen() || m0.energySaving() != m1.energySaving();
        return Json.fields(new Compared(Point.of(t0, m0, before), Point.of(t1, m1, after), differ,
                differ ? null : whyNot(t0, t1, m0, m1), lookup.pricing().pricedOn()));
    }

    /**
     * The operating points before and after retraining, as the summary's {@code operating_points} holds them.
     *
     * @param whyNot   when they do not differ: why not; else null
     * @param pricedOn what the savings are priced on ({@code SavingModel#pricedOn})
     */
    private record Compared(Point withoutRetraining, Point withRetraining, boolean differ, String whyNot, String pricedOn) {
    }

    /**
     * The median device's point at one tolerable BER, with the spread over every device.
     *
     * @param chosenVdd      the median device's chosen core voltage
     * @param energySaving   its saving, priced as {@code priced_on} says
     * @param devicesSummary every device's points summarised ({@link OperatingPointSummary#summary})
     */
    private record Point(double tolerableBer, String device, double chosenVdd, double energySaving, String limitedBy,
            Map<String, Object> devicesSummary) {
        static Point of(double tol, OperatingPoint median, List<OperatingPoint> all) {
            return new Point(tol, median.device().name(), median.chosen(), median.energySaving(),
                    median.limitedBy().label(), OperatingPointSummary.summary(all));
        }
    }

    private static double tolerance(Object o) {
        return o instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : 0;
    }

    private static String whyNot(double t0, double t1, OperatingPoint m0, OperatingPoint m1) {
        if (t0 == t1) {
            return String.format(Locale.ROOT, "retraining did not raise the tolerable BER (%.3g before and after)", t0);
        }
        if (m0.limitedBy() == m1.limitedBy() && m1.limitedBy() != org.undervolt.dram.device.LimitedBy.TOLERANCE) {
            return String.format(Locale.ROOT, "the median device stops at the same voltage at %.3g and at %.3g: limited by %s, "
                    + "not by the network's tolerance", t0, t1, m1.limitedBy());
        }
        return String.format(Locale.ROOT, "the median device's point is the same at %.3g (limited by %s) and %.3g (limited by %s)",
                t0, m0.limitedBy(), t1, m1.limitedBy());
    }
}
