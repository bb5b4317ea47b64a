package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.undervolt.io.Json;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.store.CurveRow;
import org.undervolt.store.EnergyRow;
import org.undervolt.store.MappingRow;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.TrialKey;
import org.undervolt.store.TrialRow;

/** Writes finished stages' curves, mappings and energies into the results store of a run (a no-op without one). */
final class PipelineRecords {
    private PipelineRecords() {
    }

    /** Accuracy-versus-BER curves of the tolerance stages (DNN) or the evaluation grid (SNN). */
    static void curves(Stages stages, Map<String, Map<String, Object>> results) {
        ResultsStore store = stages.store();
        if (store == null) {
            return;
        }
        for (var e : PipelineCurves.of(results).entrySet()) {
            List<CurveRow> rows = new ArrayList<>();
            for (CurvePoint p : e.getValue()) {
                double hw = p.ci95HalfWidth();
                rows.add(new CurveRow(p.ber(), p.mean(), p.mean() - hw, p.mean() + hw, p.trials(),
                        "{\"min\":" + p.min() + ",\"max\":" + p.max() + "}"));
            }
            store.curves().put(stages.runId().getAsLong(), "accuracy_vs_ber:" + e.getKey(), rows);
        }
    }

    /**
     * Every Monte-Carlo trial of the tolerance stages, one row each, keyed
     * {@code stage=<stage>;target=<target>;ber=<ber>} with trial index {@code t} and the task ids its errors
     * derive from after the master seed ({@code target.hashCode(), bits(ber), t}, as in
     * {@link org.undervolt.resilience.ToleranceSearch#trialStream}). Idempotent: a resumed run records
     * the same rows again without duplicates.
     */
    @SuppressWarnings("unchecked")
    static void trials(Stages stages, Map<String, Map<String, Object>> results) {
        ResultsStore store = stages.store();
        if (store == null) {
            return;
        }
        List<TrialRow> rows = new ArrayList<>();
        for (String stage : List.of("tolerance-baseline", "tolerance-retrained")) {
            Map<String, Object> r = results.get(stage);
            if (r != null) {
                Map<String, Map<String, List<Number>>> nonfinite =
                        (Map<String, Map<String, List<Number>>>) r.getOrDefault("nonfinite", Map.of());
                ((Map<String, Map<String, List<Number>>>) r.get("accuracies")).forEach((target, points) ->
                        points.forEach((ber, acc) -> add(rows, stage, target, Double.parseDouble(ber), acc,
                                nonfinite.getOrDefault(target, Map.of()).get(ber))));
            }
        }
        Map<String, Object> snn = results.get("tolerance");
        if (snn != null) {
            for (String net : List.of("baseline", "fault_aware", "control")) {
                if (snn.get(net) == null) {
                    continue;
                }
                for (Object o : (List<Object>) ((Map<String, Object>) snn.get(net)).get("curve")) {
                    Map<String, Object> q = (Map<String, Object>) o;
                    add(rows, "tolerance/" + net, org.undervolt.resilience.ToleranceAnalysis.NETWORK,
                            ((Number) q.get("ber")).doubleValue(), numbers(q.get("accuracies")), (List<Number>) q.get("nonfinite"));
                }
            }
        }
        store.trials().recordAll(stages.runId().getAsLong(), rows);
    }

    /** The per-trial accuracies of a curve point: a JSON list, or a {@code double[]} still in memory. */
    @SuppressWarnings("unchecked")
    private static List<Number> numbers(Object accuracies) {
        if (accuracies instanceof double[] a) {
            List<Number> out = new ArrayList<>();
            for (double v : a) {
                out.add(v);
            }
            return out;
        }
        return (List<Number>) accuracies;
    }

    /**
     * Rows of one point; each trial's count of non-finite values, when the search counted them, goes into the
     * row's {@code extra} as {@code {"nonfinite": n}} (the form sweeps use, {@link SweepResults#NONFINITE}).
     */
    private static void add(List<TrialRow> rows, String stage, String target, double ber, List<Number> accuracies,
            List<Number> nonfinite) {
        String point = "stage=" + stage + ";target=" + target + ";ber=" + ber;
        for (int t = 0; t < accuracies.size(); t++) {
            String extra = nonfinite == null || nonfinite.size() != accuracies.size() ? null
                    : "{\"" + SweepResults.NONFINITE + "\":" + nonfinite.get(t).intValue() + "}";
            rows.add(new TrialRow(new TrialKey(point, t), new long[] {target.hashCode(), Double.doubleToLongBits(ber), t},
                    accuracies.get(t).doubleValue(), java.util.OptionalLong.empty(), extra));
        }
    }

    /** The plan (item → where, with its BER) and the energy at nominal, chosen and every swept VDD. */
    @SuppressWarnings("unchecked")
    static void mapping(Stages stages, Map<String, Object> mapping) {
        ResultsStore store = stages.store();
        if (store == null) {
            return;
        }
        long id = stages.runId().getAsLong();
        List<MappingRow> rows = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) mapping.get("plan")) {
            rows.add(new MappingRow((String) p.get("item"), String.valueOf(p.get("placed_in")), Json.canonical(p)));
        }
        store.mappings().put(id, "plan", rows);
        Map<String, Object> nominal = (Map<String, Object>) mapping.get("nominal");
        Map<String, Object> chosen = (Map<String, Object>) mapping.get("chosen");
        store.energy().put(id, new EnergyRow("nominal", ((Number) mapping.get("nominal_vdd")).doubleValue(), Double.NaN,
                ((Number) nominal.get("total_j")).doubleValue(), Json.canonical(nominal)));
        store.energy().put(id, new EnergyRow("chosen", ((Number) mapping.get("chosen_vdd")).doubleValue(), Double.NaN,
                ((Number) chosen.get("total_j")).doubleValue(), Json.canonical(chosen)));
        for (Map<String, Object> r : (List<Map<String, Object>>) mapping.get("energy_vs_vdd")) {
            store.energy().put(id, new EnergyRow(String.format(java.util.Locale.ROOT, "vdd %.3f", ((Number) r.get("vdd")).doubleValue()), ((Number) r.get("vdd")).doubleValue(), Double.NaN,
                    ((Number) r.get("energy_j")).doubleValue(), Json.canonical(r)));
        }
    }
}
