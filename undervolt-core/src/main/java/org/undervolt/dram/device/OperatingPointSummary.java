package org.undervolt.dram.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.io.Json;

/** JSON-ready views of operating points: one device's object and the spread over a set. */
public final class OperatingPointSummary {
    /**
     * Tolerable BERs at which reports show every device's operating point (1e-8 … 1e-1, two per decade): what more
     * tolerance would buy, beside what a network tolerates.
     */
    public static final double[] CURVE_TOLERANCES = java.util.stream.IntStream.rangeClosed(-16, -2)
            .mapToDouble(k -> Math.pow(10, k / 2.0)).toArray();

    private OperatingPointSummary() {
    }

    /** {device, vendor, knob, chosen, nominal, ber_at_chosen, limited_by, energy_saving(_linear, _quadratic), latency_change}. */
    public static Map<String, Object> row(OperatingPoint o) {
        return Json.fields(new Row(o.device().name(), o.device().vendor(), o.knob().label(), o.chosen(), o.nominal(),
                o.berAtChosen(), o.limitedBy().label(), o.energySaving(), o.energySavingLinear(),
                o.energySavingQuadratic(), o.latencyChange()));
    }

    /** One device's operating point as JSON: its components are the keys, in order (snake_case). */
    private record Row(String device, String vendor, String knob, double chosen, double nominal, double berAtChosen,
            String limitedBy, double energySaving, double energySavingLinear, double energySavingQuadratic,
            double latencyChange) {
    }

    /** One device's combined (VDD and tRCD) point as JSON. */
    private record CombinedRow(String device, String vendor, String knob, double vdd, double nominalVdd, double trcdNs,
            double trcdAtVddNs, double berAtChosen, String limitedBy, String limitedByVdd, double energySaving,
            double energySavingLinear, double energySavingQuadratic, double latencyChange) {
    }

    /** Every device's object. */
    public static List<Map<String, Object>> rows(List<OperatingPoint> points) {
        List<Map<String, Object>> out = new ArrayList<>();
        points.forEach(p -> out.add(row(p)));
        return out;
    }

    /**
     * {devices, chosen: {min, median, max}, energy_saving: {...}, energy_saving_linear, energy_saving_quadratic,
     * latency_change, limited_by: {reason: count}}; every median is the median device's value ({@link
     * OperatingPoints#median}: the lower middle by chosen setting, a real device), so the medians are one device's
     * point — the point a run reports as its headline — and lie between min and max. (Taking each figure's lower
     * middle on its own would pick different devices for an even count: the lowest voltages save the most.)
     */
    public static Map<String, Object> summary(List<OperatingPoint> points) {
        Map<String, Integer> why = new LinkedHashMap<>();
        OperatingPoints.limitedCounts(points).forEach((k, v) -> why.put(k.label(), v));
        return Json.fields(new Summary(points.size(), spread(points, OperatingPoint::chosen),
                spread(points, OperatingPoint::energySaving), spread(points, OperatingPoint::energySavingLinear),
                spread(points, OperatingPoint::energySavingQuadratic), spread(points, OperatingPoint::latencyChange), why));
    }

    /** The devices' spread ({@link #summary}), each figure {min, median, max}, and how many each reason limited. */
    private record Summary(int devices, OperatingPoints.Spread chosen, OperatingPoints.Spread energySaving,
            OperatingPoints.Spread energySavingLinear, OperatingPoints.Spread energySavingQuadratic,
            OperatingPoints.Spread latencyChange, Map<String, Integer> limitedBy) {
    }

    private static OperatingPoints.Spread spread(List<OperatingPoint> points,
            java.util.function.ToDoubleFunction<OperatingPoint> f) {
        return OperatingPoints.Spread.of(points, f); // {min, median, max}
    }

    /**
     * What more tolerance buys: for each tolerable BER in {@code tolerances}, every device's operating point
     * summarised ({@link #summary}: chosen voltage and saving as min / median / max, what limited them), as
     * {tolerable_ber, summary} rows in the order given.
     */
    public static List<Map<String, Object>> savingCurve(OperatingPoints ops, double[] tolerances) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double t : tolerances) {
            rows.add(Json.fields(new CurveRow(t, summary(ops.at(t)))));
        }
        return rows;
    }

    /** One tolerable BER of the saving curve, its devices' {@link #summary} spliced in. */
    private record CurveRow(double tolerableBer, @Json.Inline Map<String, Object> summary) {
    }

    /**
     * {with, available, devices: [{device, vendor, knob: "vdd+trcd", vdd, nominal_vdd, trcd_ns, trcd_at_vdd_ns,
     * nominal_trcd_ns, ber_at_chosen, limited_by, limited_by_vdd, energy_saving(_linear, _quadratic), latency_change}],
     * reason}: the combined points of {@link CombinedPoints}, and why a DIMM has none (null when all have one).
     */
    public static Map<String, Object> combined(CombinedPoints.Result r, String with) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CombinedPoint c : r.points()) {
            OperatingPoint v = c.vdd();
            rows.add(Json.fields(new CombinedRow(v.device().name(), v.device().vendor(), "vdd+trcd",
                    v.chosen(), v.nominal(), c.trcdNs(), c.trcdAtVoltsNs(), c.berAtChosen(), c.limitedBy().label(),
                    v.limitedBy().label(), v.energySaving(), v.energySavingLinear(), v.energySavingQuadratic(),
                    c.latencyChange())));
        }
        return Json.fields(new Combined(with, !r.points().isEmpty(), rows, r.reason()));
    }

    /** The combined points ({@link #combined}): what they are combined with, whether any DIMM has one, and why not. */
    private record Combined(String with, boolean available, List<Map<String, Object>> devices, String reason) {
    }
}
