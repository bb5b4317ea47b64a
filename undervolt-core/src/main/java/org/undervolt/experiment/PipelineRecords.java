package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.undervolt.report.Json;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.store.CurveRow;
import org.undervolt.store.EnergyRow;
import org.undervolt.store.MappingRow;
import org.undervolt.store.ResultsStore;

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
