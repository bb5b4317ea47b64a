package org.undervolt.cli;

import java.util.Locale;
import java.util.Map;

import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.experiment.DemoResult;
import org.undervolt.resilience.CurvePoint;

/** The demo's result as a plain-text report for a terminal. */
final class DemoTable {
    private DemoTable() {
    }

    static String render(DemoResult r, double delta) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nerror-free accuracy: %.2f %% (FP32 %.2f %%), threshold %.2f %%%n",
                100 * r.baselineAccuracy(), 100 * r.fp32Accuracy(), 100 * (r.baselineAccuracy() - delta)));
        sb.append(String.format(Locale.ROOT, "%12s %10s %10s %10s %7s  %s%n", "BER", "mean %", "min %", "±95% CI",
                "trials", ""));
        for (CurvePoint p : r.curve()) {
            boolean ok = p.mean() >= r.baselineAccuracy() - delta;
            sb.append(String.format(Locale.ROOT, "%12.3e %10.2f %10.2f %10.2f %7d  %s%n", p.ber(), 100 * p.mean(),
                    100 * p.min(), 100 * p.ci95HalfWidth(), p.trials(), ok ? "ok" : "too low"));
        }
        sb.append(String.format(Locale.ROOT, "%ntolerable BER: %s%n",
                r.tolerableBer().isPresent() ? String.format(Locale.ROOT, "%.3e", r.tolerableBer().getAsDouble())
                        : "none on the grid (stay at nominal voltage)"));
        sb.append(String.format(Locale.ROOT, "core voltage: %.3f V nominal -> %.3f V chosen (BER there %.2e; median device %s,"
                + " limited by %s)%n", r.vddNominal(), r.vddChosen(), r.berAtChosen(), r.operatingPoint().get("device"),
                r.operatingPoint().get("limited_by")));
        sb.append(String.format(Locale.ROOT, "DRAM energy of one inference pass over %d images: %.4f mJ -> %.4f mJ"
                + "  (saving %.1f %%)%n", r.images(), 1e3 * r.energyNominalJ(), 1e3 * r.energyChosenJ(),
                100 * r.energySaving()));
        sb.append(String.format(Locale.ROOT, "energy law: %s (saving linear %.1f %%, quadratic %.1f %%)%n",
                r.operatingPoint().get("energy_law"), 100 * (double) r.operatingPoint().get("energy_saving_linear"),
                100 * (double) r.operatingPoint().get("energy_saving_quadratic")));
        sb.append(String.format(Locale.ROOT, "devices: %s%n", DemoTable.spread(r)));
        sb.append(String.format(Locale.ROOT, "accesses: %d reads, %d writes; row hits %d, misses %d, conflicts %d%n",
                r.accesses().reads(), r.accesses().writes(), r.accesses().hits(), r.accesses().misses(),
                r.accesses().conflicts()));
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String spread(DemoResult r) {
        Map<String, Object> s = (Map<String, Object>) r.operatingPoint().get("devices_summary");
        Map<String, Object> v = (Map<String, Object>) s.get("chosen");
        Map<String, Object> e = (Map<String, Object>) s.get("energy_saving");
        Object on = r.operatingPoint().get("priced_on");
        return String.format(Locale.ROOT, "%s devices, VDD min %.3f / median %.3f / max %.3f V, saving "
                + "%.1f / %.1f / %.1f %% (priced on the %s; the chosen point is the median device's), limited by %s",
                s.get("devices"), v.get("min"), v.get("median"), v.get("max"),
                100 * (double) e.get("min"), 100 * (double) e.get("median"), 100 * (double) e.get("max"),
                on != null ? on : "reference access", OperatingPoints.countsText((Map<String, Number>) s.get("limited_by")));
    }
}
