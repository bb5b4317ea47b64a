package org.undervolt.dram.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", o.device().name());
        m.put("vendor", o.device().vendor());
        m.put("knob", o.knob().label());
        m.put("chosen", o.chosen());
        m.put("nominal", o.nominal());
        m.put("ber_at_chosen", o.berAtChosen());
        m.put("limited_by", o.limitedBy().label());
        m.put("energy_saving", o.energySaving());
        m.put("energy_saving_linear", o.energySavingLinear());
        m.put("energy_saving_quadratic", o.energySavingQuadratic());
        m.put("latency_change", o.latencyChange());
        return m;
    }

    /** Every device's object. */
    public static List<Map<String, Object>> rows(List<OperatingPoint> points) {
        List<Map<String, Object>> out = new ArrayList<>();
        points.forEach(p -> out.add(row(p)));
        return out;
    }

    /**
     * {devices, chosen: {min, median, max}, energy_saving: {...}, energy_saving_linear, energy_saving_quadratic,
     * latency_change, limited_by: {reason: count}}; median = the lower middle (a value some device has).
     */
    public static Map<String, Object> summary(List<OperatingPoint> points) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("devices", points.size());
        s.put("chosen", spread(points.stream().mapToDouble(OperatingPoint::chosen).toArray()));
        s.put("energy_saving", spread(points.stream().mapToDouble(OperatingPoint::energySaving).toArray()));
        s.put("energy_saving_linear", spread(points.stream().mapToDouble(OperatingPoint::energySavingLinear).toArray()));
        s.put("energy_saving_quadratic", spread(points.stream().mapToDouble(OperatingPoint::energySavingQuadratic).toArray()));
        s.put("latency_change", spread(points.stream().mapToDouble(OperatingPoint::latencyChange).toArray()));
        Map<String, Integer> why = new LinkedHashMap<>();
        OperatingPoints.limitedCounts(points).forEach((k, v) -> why.put(k.label(), v));
        s.put("limited_by", why);
        return s;
    }

    private static Map<String, Object> spread(double[] v) {
        OperatingPoints.Spread s = OperatingPoints.Spread.of(v);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s.min());
        m.put("median", s.median());
        m.put("max", s.max());
        return m;
    }

    /**
     * What more tolerance buys: for each tolerable BER in {@code tolerances}, every device's operating point
     * summarised ({@link #summary}: chosen voltage and saving as min / median / max, what limited them), as
     * {tolerable_ber, summary} rows in the order given.
     */
    public static List<Map<String, Object>> savingCurve(OperatingPoints ops, double[] tolerances) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double t : tolerances) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tolerable_ber", t);
            row.putAll(summary(ops.at(t)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * {with, available, devices: [{device, vendor, knob: "vdd+trcd", vdd, nominal_vdd, trcd_ns, trcd_at_vdd_ns,
     * nominal_trcd_ns, ber_at_chosen, limited_by, limited_by_vdd, energy_saving(_linear, _quadratic), latency_change}],
     * reason}: the combined points of {@link CombinedPoints}, and why a DIMM has none (null when all have one).
     */
    public static Map<String, Object> combined(CombinedPoints.Result r, String with) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("with", with);
        m.put("available", !r.points().isEmpty());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CombinedPoint c : r.points()) {
            OperatingPoint v = c.vdd();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("device", v.device().name());
            row.put("vendor", v.device().vendor());
            row.put("knob", "vdd+trcd");
            row.put("vdd", v.chosen());
            row.put("nominal_vdd", v.nominal());
            row.put("trcd_ns", c.trcdNs());
            row.put("trcd_at_vdd_ns", c.trcdAtVoltsNs());
            row.put("ber_at_chosen", c.berAtChosen());
            row.put("limited_by", c.limitedBy().label());
            row.put("limited_by_vdd", v.limitedBy().label());
            row.put("energy_saving", v.energySaving());
            row.put("energy_saving_linear", v.energySavingLinear());
            row.put("energy_saving_quadratic", v.energySavingQuadratic());
            row.put("latency_change", c.latencyChange());
            rows.add(row);
        }
        m.put("devices", rows);
        m.put("reason", r.reason());
        return m;
    }
}
