package org.undervolt.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.undervolt.io.Json;
import org.undervolt.report.AccuracyVsBerSection;
import org.undervolt.report.DeviceSpreadSections;
import org.undervolt.report.EnergyBarsSection;
import org.undervolt.report.HtmlReport;
import org.undervolt.report.PaperFigures;
import org.undervolt.report.LinePlotSection;
import org.undervolt.report.TableSection;

/**
 * The HTML report of a demo run: headline figures beside the papers', accuracy versus BER with
 * confidence bands, DRAM energy at nominal and chosen voltage, and provenance.
 */
public final class DemoReport {
    private DemoReport() {
    }

    public static HtmlReport of(DemoResult r, double delta, OptionalLong runId, String store) {
        String format = String.valueOf(r.config().get("format")).toUpperCase(Locale.ROOT);
        String preset = String.valueOf(r.dram().get("part"));
        String tolerable = r.tolerableBer().isPresent()
                ? String.format(Locale.ROOT, "%.2e", r.tolerableBer().getAsDouble()) : "none on the grid";
        String saving = String.format(Locale.ROOT, "%.1f%%", 100 * r.energySaving());
        String deltaText = String.format(Locale.ROOT, "%.3g", 100 * delta) + " percentage points";

        HtmlReport report = new HtmlReport("Undervolt demo" + runId.stream().mapToObj(id -> " — run " + id)
                .findFirst().orElse(""), "MLP with " + format + " weights in approximate DRAM (" + preset
                + "): how low can the voltage go, and what does it save?");

        report.add(new TableSection("headline", "Headline figures beside the papers",
                List.of("figure", "this run", "SparkXD (DAC 2021)", "EDEN (MICRO 2019)"))
                .figure(saving, "DRAM energy saved")
                .figure(String.format(Locale.ROOT, "%.3f V", r.vddChosen()), String.format(Locale.ROOT,
                        "core VDD chosen (nominal %.3f V)", r.vddNominal()))
                .figure(tolerable, "tolerable BER")
                .figure(String.format(Locale.ROOT, "%.2f%%", 100 * r.baselineAccuracy()), "error-free accuracy")
                .row("DRAM energy saved", saving + " (one network, one part: " + format + " MLP, " + preset + ")",
                        PaperFigures.SPARKXD_ENERGY_SAVING, PaperFigures.EDEN_ENERGY_SAVING)
                .row("accuracy constraint", "mean accuracy ≥ error-free − " + deltaText,
                        PaperFigures.SPARKXD_CONSTRAINT, PaperFigures.EDEN_CONSTRAINT)
                .row("tolerable BER", tolerable + " (uniform random bit errors, EDEN model 0)", "—", "—")
                .row("gain from retraining", "not part of the demo", "—", PaperFigures.EDEN_RETRAINING_GAIN)
                .row("speedup", "not measured (voltage only, timings unchanged)", "—", PaperFigures.EDEN_SPEEDUP)
                .note("The papers' figures are for their networks, DRAM parts and error characterisations, quoted "
                        + "for orientation, not as expected values for this run. " + PaperFigures.SOURCE));

        report.add(new AccuracyVsBerSection("accuracy", "Accuracy versus bit error rate",
                List.of(new AccuracyVsBerSection.Curve("no retraining", ReportCurves.of(r.curve()))), r.baselineAccuracy(),
                r.baselineAccuracy() - delta, r.tolerableBer()));

        report.add(new EnergyBarsSection("energy", "DRAM energy: nominal versus chosen voltage",
                List.of(new EnergyBarsSection.Bar("nominal", r.vddNominal(), r.energyNominalJ()),
                        new EnergyBarsSection.Bar("chosen", r.vddChosen(), r.energyChosenJ())),
                String.format(Locale.ROOT, "Scope: DRAM command energy (ACT, PRE, RD, WR) of one batch-1 inference "
                        + "pass over %d test images: %d reads, %d writes, %d row hits, %d misses, %d conflicts. "
                        + "Core-rail energy scaled with voltage (%s), ACT and PRE energy with the timings lengthened "
                        + "at the chosen voltage; BER at the chosen voltage %.2e.",
                        r.images(), r.accesses().reads(), r.accesses().writes(), r.accesses().hits(),
                        r.accesses().misses(), r.accesses().conflicts(), r.dram().get("energy_law"),
                        r.berAtChosen())));

        savingVersusTolerance(r).ifPresent(report::add);
        if (r.operatingPoint() != null) {
            DeviceSpreadSections.devicesAtTolerance(r.operatingPoint().get("devices"), r.operatingPoint().get("devices_summary"),
                    r.tolerableBer().orElse(0), String.valueOf(r.operatingPoint().get("device")), scope(r.operatingPoint()))
                    .ifPresent(report::add);
        }

        var prov = new ProvenanceRows(runId.isPresent() ? runId.getAsLong() : "not recorded", store == null ? "none" : store,
                r.modelFromCache(), String.format(Locale.ROOT, "%.1f", r.trainSeconds()),
                String.format(Locale.ROOT, "%.1f", r.sweepSeconds()), r.weightBytes(), r.config(), r.dram(), r.provenance());
        report.add(TableSection.keyValues("provenance", "Provenance", Json.fields(prov)));
        return report;
    }

    /** The report's provenance table, its rows in this order. */
    private record ProvenanceRows(Object runId, String store, boolean modelFromCache, String trainSeconds,
            String sweepSeconds, long weightBytes, Map<String, Object> config, Map<String, Object> dram,
            Map<String, Object> provenance) {
    }

    /**
     * Saving versus tolerable BER across the measured devices, the network's tolerance marked
     * ({@link DeviceSpreadSections#savingVersusTolerance}). Empty for a result without the curve (runs recorded
     * before it existed).
     */
    static java.util.Optional<LinePlotSection> savingVersusTolerance(DemoResult r) {
        Map<String, Object> op = r.operatingPoint();
        return op == null ? java.util.Optional.empty() : DeviceSpreadSections.savingVersusTolerance(op.get("saving_vs_tolerance"),
                r.tolerableBer().orElse(Double.NaN), "this network's tolerance", String.valueOf(op.get("energy_law")),
                scope(op));
    }

    /** What the recorded run's savings are priced on, in words (a run recorded before priced_on: the reference access). */
    private static String scope(Map<String, Object> op) {
        Object on = op.get("priced_on");
        return DemoAccessPricing.PRICED_ON.equals(on) ? DemoAccessPricing.SCOPE : DeviceSpreadSections.scope(on);
    }
}
