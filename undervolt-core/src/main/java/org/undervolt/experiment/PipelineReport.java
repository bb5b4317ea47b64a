package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.undervolt.Provenance;
import org.undervolt.io.Json;
import org.undervolt.report.AccuracyVsBerSection;
import org.undervolt.report.DeviceSpreadSections;
import org.undervolt.report.HtmlReport;
import org.undervolt.report.LinePlotSection;
import org.undervolt.report.PaperFigures;
import org.undervolt.report.TableSection;
import org.undervolt.report.ToleranceBarsSection;
import org.undervolt.resilience.CurvePoint;

/**
 * The HTML report of an {@code eden} or {@code sparkxd} run: headline figures beside the papers',
 * accuracy versus BER with and without retraining, tolerance per layer × data type, energy versus VDD,
 * the partition or placement map, the energy breakdown, and provenance.
 */
final class PipelineReport {
    private PipelineReport() {
    }

    @SuppressWarnings("unchecked")
    static HtmlReport of(String kind, PipelineConfig c, Map<String, Map<String, Object>> r, Map<String, Object> summary,
            PipelineSummary.Whereabouts where, String runTitle) {
        boolean eden = kind.equals(EdenPipeline.KIND);
        Map<String, Object> map = r.get(eden ? "mapping" : "placement");
        String what = eden ? c.text("network") + " (" + c.text("format").toUpperCase(Locale.ROOT) + " weights and IFMs)"
                : "Diehl & Cook SNN N" + c.values().get("neurons") + " (" + c.text("format").toUpperCase(Locale.ROOT)
                        + " weights, read correction " + c.text("read_correction") + ")";
        HtmlReport report = new HtmlReport((eden ? "EDEN pipeline" : "SparkXD pipeline") + runTitle,
                what + " in approximate DRAM (" + map.getOrDefault("part", map.get("preset")) + "): how much error does it tolerate, where can its data "
                        + "live, and what does that save?");

        String saving = pct(summary.get("energy_saving"));
        String tolWith = ber(summary.get("tolerable_ber_with_retraining"));
        String tolWithout = ber(summary.get("tolerable_ber_without_retraining"));
        Object gain = summary.get("retraining_gain");
        String gainText = gain instanceof Number g ? String.format(Locale.ROOT, "%.3g×", g.doubleValue()) : "n/a (no tolerance without)";
        String speed = String.format(Locale.ROOT, "%.3f×", PipelineSummary.num(summary.get("speedup")));
        report.add(new TableSection("headline", "Headline figures beside the papers",
                List.of("figure", "this run", "SparkXD (DAC 2021)", "EDEN (MICRO 2019)"))
                .figure(saving, "DRAM energy saved per inference")
                .figure(String.format(Locale.ROOT, "%.3f V", PipelineSummary.num(summary.get("vdd_chosen"))),
                        String.format(Locale.ROOT, "VDD chosen (nominal %.3f V)", PipelineSummary.num(summary.get("vdd_nominal"))))
                .figure(tolWith, "tolerable BER " + (eden ? "after retraining" : "after fault-aware training"))
                .figure(pct(summary.get("baseline_accuracy")), "error-free accuracy (stored format)")
                .row("DRAM energy saved", saving + " (the median device's point, priced on the "
                        + summary.getOrDefault("priced_on", "mapping's plan") + ")", PaperFigures.SPARKXD_ENERGY_SAVING,
                        PaperFigures.EDEN_ENERGY_SAVING)
                .row("accuracy constraint", "accuracy ≥ error-free − " + c.number("delta") * 100 + " percentage points"
                        + (eden ? " (" + c.text("confidence") + ")" : " (mean over trials)"),
                        PaperFigures.SPARKXD_CONSTRAINT, PaperFigures.EDEN_CONSTRAINT)
                .row("tolerable BER without / with retraining", tolWithout + " / " + tolWith, "—", "—")
                .row(eden ? "tolerable BER of a control" : "tolerable BER of the control (same STDP images, no flips)",
                        eden ? "—" : ber(summary.get("tolerable_ber_control")), "—", "—")
                .row("fault-aware vs control on the same draws", eden ? "—" : fatVersusControl(r.get("fat-vs-control")),
                        "—", "—")
                .row("tolerable BER, fault-aware vs control on shared draws", eden ? "—"
                        : FatControlCrossingStage.line(r.get("fat-vs-control-ber")), "—", "—")
                .row("weight precision, read correction", c.text("format").toUpperCase(Locale.ROOT)
                        + (eden ? "" : ", " + c.text("read_correction")), eden ? "—" : "FP32", eden ? "INT8/FP32" : "—")
                .row("error model that decided the tolerance", eden ? c.text("error_model") : String.valueOf(summary.get("weight_errors")),
                        "—", "—")
                .row("gain from retraining", gainText, "—", PaperFigures.EDEN_RETRAINING_GAIN)
                .row("operating point without / with retraining", retrainingPoints(summary.get("operating_points")), "—", "—")
                .row("speedup (simulated, one inference)", speed, "—", PaperFigures.EDEN_SPEEDUP)
                .note("The papers' figures are for their networks, DRAM parts and error characterisations, quoted for "
                        + "orientation, not as expected values for this run. " + PaperFigures.SOURCE));

        Map<String, List<CurvePoint>> curves = PipelineCurves.of(r);
        if (!curves.isEmpty()) {
            List<AccuracyVsBerSection.Curve> cs = new ArrayList<>();
            curves.forEach((n, pts) -> cs.add(new AccuracyVsBerSection.Curve(n, ReportCurves.of(pts))));
            double baseline = PipelineSummary.num(summary.get(eden ? "retrained_accuracy" : "fault_aware_accuracy"));
            double t = PipelineSummary.num(summary.get("tolerable_ber_with_retraining"));
            report.add(new AccuracyVsBerSection("accuracy", "Accuracy versus bit error rate, without and with retraining",
                    cs, baseline, baseline - c.number("delta"), t > 0 ? OptionalDouble.of(t) : OptionalDouble.empty()));
        }
        report.add(tolerance(eden, c, r));
        report.add(energyVsVdd(map));
        DeviceSpreadSections.add(report, map, "this network's tolerance");
        report.add(MappingSections.placement(map, PipelineSummary.num(map.get("chosen_vdd"))));
        report.add(MappingSections.breakdown(map, PipelineSummary.num(map.get("chosen_vdd")), c.text("energy_law")));

        Map<String, Object> secs = new LinkedHashMap<>();
        r.forEach((k, v) -> secs.put(k, v.get("stage_seconds")));
        var prov = new ReportProvenance(where.runId(), where.store(), where.folder(), where.runner(), secs,
                map.get("ber_source"), c.values(), Provenance.describe());
        report.add(TableSection.keyValues("provenance", "Provenance", Json.fields(prov)));
        return report;
    }

    /** The report's provenance table, its rows in this order: where the run is, how long each stage took, with what. */
    private record ReportProvenance(Long run, String store, String folder, String runner, Map<String, Object> stageSeconds,
            Object berSource, Map<String, Object> config, Map<String, Object> provenance) {
    }

    @SuppressWarnings("unchecked")
    private static ToleranceBarsSection tolerance(boolean eden, PipelineConfig c, Map<String, Map<String, Object>> r) {
        List<ToleranceBarsSection.Bar> bars = new ArrayList<>();
        if (eden) {
            Map<String, Object> base = r.get("tolerance-baseline");
            Map<String, Object> ret = r.get("tolerance-retrained");
            bars.add(bar("network, baseline", (Map<String, Object>) base.get("coarse")));
            bars.add(bar("network, retrained", (Map<String, Object>) ret.get("coarse")));
            for (Object o : (List<Object>) ret.getOrDefault("fine", List.of())) {
                Map<String, Object> f = (Map<String, Object>) o;
                bars.add(bar(String.valueOf(f.get("target")), f));
            }
            Map<String, Object> comb = (Map<String, Object>) ret.get("combination");
            String note = "Coarse: every stored byte at one BER. Fine: errors in one layer × data type only, the rest "
                    + "error-free (retrained network)."
                    + (comb == null ? "" : " Fine BERs together: " + (Boolean.TRUE.equals(comb.get("validated"))
                            ? "validated" : "not validated") + String.format(Locale.ROOT, " after lowering the rates of the sites that "
                            + "cost the most accuracy (geometric mean %.3g of the fine BERs; none below the coarse one).",
                            PipelineSummary.num(comb.get("scale"))));
            return new ToleranceBarsSection("tolerance", "Tolerable BER per layer and data type", bars,
                    c.number("tolerance_ber_min"), note);
        }
        Map<String, Object> t = r.get("tolerance");
        bars.add(new ToleranceBarsSection.Bar("weights, baseline", PipelineSummary.num(((Map<String, Object>) t.get("baseline"))
                .get("tolerable_ber")), "STDP-trained"));
        bars.add(new ToleranceBarsSection.Bar("weights, fault-aware", PipelineSummary.num(((Map<String, Object>) t.get(
                "fault_aware")).get("tolerable_ber")), "after fault-aware training"));
        if (t.get("control") != null) {
            bars.add(new ToleranceBarsSection.Bar("weights, control", PipelineSummary.num(((Map<String, Object>) t.get(
                    "control")).get("tolerable_ber")), "same STDP images as fault-aware training, no flips"));
        }
        return new ToleranceBarsSection("tolerance", "Tolerable BER of the stored weights", bars, c.number("tolerance_ber_min"),
                "The SNN keeps one data type in DRAM, the excitatory input weights (784 × N); spikes stay on chip.");
    }

    private static ToleranceBarsSection.Bar bar(String label, Map<String, Object> res) {
        return new ToleranceBarsSection.Bar(label, Math.max(0, PipelineSummary.num(res.get("tolerable_ber"))),
                String.valueOf(res.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static LinePlotSection energyVsVdd(Map<String, Object> map) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map.get("energy_vs_vdd");
        List<LinePlotSection.Series> series = new ArrayList<>();
        List<double[]> ok = new ArrayList<>();
        List<double[]> notOk = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            double[] p = {PipelineSummary.num(row.get("vdd")), PipelineSummary.num(row.get("energy_j")) * 1e6};
            (Boolean.TRUE.equals(row.get("tolerated")) ? ok : notOk).add(p);
        }
        if (!ok.isEmpty() && !notOk.isEmpty()) {
            notOk.add(0, ok.get(ok.size() - 1)); // join the two parts of the line
        }
        add(series, "tolerated by the network", ok, false);
        add(series, "not tolerated", notOk, true);
        return new LinePlotSection("energy-vdd", "DRAM energy of one inference versus supply voltage", "VDD (V)",
                "energy (µJ)", series, PipelineSummary.num(map.get("chosen_vdd")), "chosen VDD",
                "The whole module at one voltage: solid where every data item fits in DRAM locations whose "
                        + "BER at that voltage it tolerates (BER(VDD) table in the provenance), dashed below. The marker is the "
                        + "voltage the mapping chose" + (map.containsKey("partitions") ? " for its lowest partition "
                        + "holding data (EDEN runs partitions at different voltages)." : "."));
    }

    private static void add(List<LinePlotSection.Series> out, String name, List<double[]> pts, boolean dashed) {
        if (pts.isEmpty()) {
            return;
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        out.add(new LinePlotSection.Series(name, x, y, dashed));
    }

    /** "V (limited by) / V (limited by)", and why they are the same when they are (RetrainingPoints). */
    @SuppressWarnings("unchecked")
    private static String retrainingPoints(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return "n/a";
        }
        StringBuilder b = new StringBuilder();
        for (String k : new String[] {"without_retraining", "with_retraining"}) {
            Map<String, Object> p = (Map<String, Object>) m.get(k);
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.3f V, %s saved (limited by %s)",
                    PipelineSummary.num(p.get("chosen_vdd")), pct(p.get("energy_saving")), p.get("limited_by")));
        }
        return b + (m.get("why_not") == null ? "" : ": " + m.get("why_not")) + " — median device at each coarse tolerable BER, "
                + "priced on the " + (m.get("priced_on") != null ? m.get("priced_on") : "reference access");
    }

    private static String pct(Object o) {
        return o instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue()) : "n/a";
    }

    private static String ber(Object o) {
        double d = PipelineSummary.num(o);
        return d > 0 ? String.format(Locale.ROOT, "%.2e", d) : "none on the grid";
    }

    /** The fat-vs-control stage's line, or why it was not measured. */
    private static String fatVersusControl(Map<String, Object> versus) {
        if (versus == null) {
            return "not measured (run of an earlier version)";
        }
        Object line = versus.get("line");
        return String.valueOf(line != null ? line : versus.get("skipped"));
    }
}
