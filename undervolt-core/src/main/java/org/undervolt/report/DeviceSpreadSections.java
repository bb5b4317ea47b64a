package org.undervolt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report sections of an operating-point answer given as a curve and a spread (issue 16, item 7), built from the
 * JSON shape runs record ({@code saving_vs_tolerance}, {@code devices}, {@code devices_summary}; see
 * {@code dram.device.OperatingPointSummary}) so a report rendered from a stored run needs nothing else:
 * <ul>
 *   <li>{@link #savingVersusTolerance}: saving versus tolerable BER for the least saving, median and most saving
 *       device, the network's tolerance marked, and what limited the devices at every tolerance;</li>
 *   <li>{@link #devicesAtTolerance}: every device's point at the network's tolerance, the spread and what limited
 *       each.</li>
 * </ul>
 * The demo, {@code map --report} and the eden / sparkxd pipeline reports all use these two.
 */
public final class DeviceSpreadSections {
    /** What the lookup's savings are of (dram.device.ReferenceAccess), for the notes. */
    public static final String REFERENCE_SCOPE = "a reference access stream (row-miss reads to one bank, timings "
            + "lengthened at the lower voltage, background energy of the longer row cycle priced)";

    /** What a lookup priced on a network's simulated inference (mapping.InferenceTracePricing) is of. */
    public static final String TRACE_SCOPE = "this network's inference (its DRAM requests simulated at each voltage with "
            + "the timings lengthened there, refresh and background of the longer run priced)";

    /**
     * The workload a run's {@code priced_on} names, in words for the notes: {@link #REFERENCE_SCOPE} for
     * "reference access" (and runs recorded before {@code priced_on} existed), {@link #TRACE_SCOPE} for "network
     * inference trace", otherwise the name itself.
     */
    public static String scope(Object pricedOn) {
        if (pricedOn == null || "reference access".equals(pricedOn)) {
            return REFERENCE_SCOPE;
        }
        return "network inference trace".equals(pricedOn) ? TRACE_SCOPE : String.valueOf(pricedOn);
    }

    private DeviceSpreadSections() {
    }

    /**
     * Saving versus tolerable BER across the measured devices (min, median, max of each device's operating point at
     * that tolerance); {@code marked} (a tolerable BER, ≤ 0 or NaN for none) is drawn as {@code markerName}. Empty for
     * a missing or empty curve (runs recorded before it existed).
     *
     * @param curve the {@code saving_vs_tolerance} rows: {tolerable_ber, energy_saving: {min, median, max}, limited_by}
     * @param law   the energy law the savings are under, named in the note
     * @param scope what the savings are of (the workload), named in the note
     */
    @SuppressWarnings("unchecked")
    public static Optional<LinePlotSection> savingVersusTolerance(Object curve, double marked, String markerName, String law,
            String scope) {
        if (!(curve instanceof List<?> rows) || rows.isEmpty()) {
            return Optional.empty();
        }
        int n = rows.size();
        double[] x = new double[n];
        double[][] y = new double[3][n];
        String[] keys = {"min", "median", "max"};
        StringBuilder limits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = (Map<String, Object>) rows.get(i);
            x[i] = Math.log10(((Number) row.get("tolerable_ber")).doubleValue());
            Map<String, Object> saving = (Map<String, Object>) row.get("energy_saving");
            for (int k = 0; k < 3; k++) {
                y[k][i] = 100 * ((Number) saving.get(keys[k])).doubleValue();
            }
            limits.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%.0e: %s", Math.pow(10, x[i]),
                    row.get("limited_by")));
        }
        List<LinePlotSection.Series> series = List.of(
                new LinePlotSection.Series("median device", x, y[1], false),
                new LinePlotSection.Series("least saving device", x, y[0], true),
                new LinePlotSection.Series("most saving device", x, y[2], true));
        double marker = marked > 0 ? Math.log10(marked) : Double.NaN;
        return Optional.of(new LinePlotSection("saving-vs-tolerance",
                "Energy saving versus tolerable BER across the measured devices", "log10 tolerable BER",
                "saving (%)", series, marker, markerName,
                "Each device's operating point (lowest voltage whose BER is at most the tolerance; no data below a "
                        + "device's lowest measured voltage) priced on " + scope + " under the " + law
                        + " energy law; what limited the devices, per tolerance: " + limits + "."));
    }

    /**
     * Every device's operating point at the network's tolerance: the spread (min / median / max of the chosen voltage
     * and the saving) as figures, one row per device with what limited it, and the count per reason. Empty when the
     * run recorded no devices.
     *
     * @param devices     the {@code devices} rows ({device, vendor, knob, chosen, ber_at_chosen, limited_by,
     *                    energy_saving, energy_saving_linear, energy_saving_quadratic, latency_change})
     * @param summary     the {@code devices_summary} ({chosen, energy_saving: {min, median, max}, limited_by: counts})
     * @param tolerance   the tolerable BER the points are for
     * @param plannedWith the device the run planned with (its row is marked), or null
     * @param scope       what the savings are of (the workload), named in the note
     */
    @SuppressWarnings("unchecked")
    public static Optional<TableSection> devicesAtTolerance(Object devices, Object summary, double tolerance,
            String plannedWith, String scope) {
        if (!(devices instanceof List<?> rows) || rows.isEmpty() || !(summary instanceof Map<?, ?> s)) {
            return Optional.empty();
        }
        Map<String, Object> chosen = (Map<String, Object>) s.get("chosen");
        Map<String, Object> saving = (Map<String, Object>) s.get("energy_saving");
        TableSection t = new TableSection("devices", String.format(Locale.ROOT,
                "Every measured device at this network's tolerable BER (%.2e)", tolerance),
                List.of("device", "vendor", "chosen", "BER there", "limited by", "saving", "linear law", "quadratic law",
                        "latency change"))
                .figure(String.format(Locale.ROOT, "%.3f / %.3f / %.3f V", num(chosen.get("min")), num(chosen.get("median")),
                        num(chosen.get("max"))), "chosen VDD, min / median / max over " + rows.size() + " devices")
                .figure(String.format(Locale.ROOT, "%.1f / %.1f / %.1f %%", 100 * num(saving.get("min")),
                        100 * num(saving.get("median")), 100 * num(saving.get("max"))), "saving, min / median / max");
        List<String> marked = new ArrayList<>();
        for (Object o : rows) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = String.valueOf(r.get("device"));
            boolean plan = name.equals(plannedWith);
            if (plan) {
                marked.add(name);
            }
            String unit = "trcd".equals(r.get("knob")) ? " ns" : " V";
            t.row(name + (plan ? " (planned with)" : ""), String.valueOf(r.get("vendor")),
                    String.format(Locale.ROOT, "%.4g%s", num(r.get("chosen")), unit),
                    String.format(Locale.ROOT, "%.2e", num(r.get("ber_at_chosen"))), String.valueOf(r.get("limited_by")),
                    pct(r.get("energy_saving")), pct(r.get("energy_saving_linear")), pct(r.get("energy_saving_quadratic")),
                    String.format(Locale.ROOT, "%+.1f %%", 100 * num(r.get("latency_change"))));
        }
        return Optional.of(t.note("Limited by, counted over the devices: " + s.get("limited_by") + " (tolerance: the "
                + "network decided; data-floor: the device has no measurement lower; extrapolation-limit: the fitted law "
                + "was followed as far as allowed; timing: longer timings at a lower voltage would cost more than they "
                + "save). Savings on " + scope + "."
                + (marked.isEmpty() ? "" : " The run planned with " + marked.get(0) + ", the median device.")));
    }

    /**
     * Adds both sections for a mapping result ({@code map --json}, a pipeline's mapping stage: {@code tolerable_ber},
     * {@code saving_vs_tolerance}, {@code devices}, {@code devices_summary}, {@code plan_device}, {@code energy_law}),
     * those it has.
     */
    public static void add(HtmlReport report, Map<String, Object> mapping, String markerName) {
        double tol = num(mapping.get("tolerable_ber"));
        String scope = scope(mapping.get("priced_on"));
        savingVersusTolerance(mapping.get("saving_vs_tolerance"), tol, markerName, String.valueOf(mapping.get("energy_law")),
                scope).ifPresent(report::add);
        devicesAtTolerance(mapping.get("devices"), mapping.get("devices_summary"), tol,
                String.valueOf(mapping.get("plan_device")), scope).ifPresent(report::add);
        combinedPoint(mapping.get("combined_point")).ifPresent(report::add);
    }

    /**
     * The combined points (VDD and tRCD lowered together, {@code combined_point}: {with, available, devices, reason})
     * or, when no DIMM has data for both knobs, why not. Empty when the run recorded none.
     */
    @SuppressWarnings("unchecked")
    public static Optional<TableSection> combinedPoint(Object combined) {
        if (!(combined instanceof Map<?, ?> c)) {
            return Optional.empty();
        }
        TableSection t = new TableSection("combined", "Combined point: VDD and tRCD lowered together",
                List.of("DIMM", "VDD", "tRCD", "tRCD needed at that VDD", "BER there", "tRCD limited by", "latency change"));
        List<Object> rows = c.get("devices") instanceof List<?> l ? (List<Object>) l : List.of();
        for (Object o : rows) {
            Map<String, Object> r = (Map<String, Object>) o;
            t.row(String.valueOf(r.get("device")), String.format(Locale.ROOT, "%.3f V", num(r.get("vdd"))),
                    String.format(Locale.ROOT, "%.2f ns", num(r.get("trcd_ns"))),
                    String.format(Locale.ROOT, "%.2f ns", num(r.get("trcd_at_vdd_ns"))),
                    String.format(Locale.ROOT, "%.2e", num(r.get("ber_at_chosen"))), String.valueOf(r.get("limited_by")),
                    String.format(Locale.ROOT, "%+.1f %%", 100 * num(r.get("latency_change"))));
        }
        if (rows.isEmpty()) {
            t.row("none", "—", "—", "—", "—", "—", "—");
        }
        Object reason = c.get("reason");
        return Optional.of(t.note((reason == null ? "" : reason + ". ") + "BER(tRCD) devices paired with: " + c.get("with")
                + ". A DIMM's tRCD margin (fraction of nominal at its tolerable share of the BER) is applied to the tRCD "
                + "the part needs at the lowered voltage; the two error causes are taken as independent."));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String pct(Object o) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * num(o));
    }
}
