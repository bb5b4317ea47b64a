package org.undervolt.cli;

import java.util.Locale;

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
        sb.append(String.format(Locale.ROOT, "core voltage: %.3f V nominal -> %.3f V chosen (BER there %.2e)%n",
                r.vddNominal(), r.vddChosen(), r.berAtChosen()));
        sb.append(String.format(Locale.ROOT, "DRAM energy of one inference pass over %d images: %.4f mJ -> %.4f mJ"
                + "  (saving %.1f %%)%n", r.images(), 1e3 * r.energyNominalJ(), 1e3 * r.energyChosenJ(),
                100 * r.energySaving()));
        sb.append(String.format(Locale.ROOT, "accesses: %d reads, %d writes; row hits %d, misses %d, conflicts %d%n",
                r.accesses().reads(), r.accesses().writes(), r.accesses().hits(), r.accesses().misses(),
                r.accesses().conflicts()));
        return sb.toString();
    }
}
