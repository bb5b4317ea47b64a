package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headline figures of a finished pipeline run: what {@code --json} prints and the store keeps as the run's summary. */
final class PipelineSummary {
    private PipelineSummary() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(String kind, Map<String, Map<String, Object>> r, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline", kind);
        Map<String, Object> map;
        if (kind.equals(EdenPipeline.KIND)) {
            Map<String, Object> base = r.get("tolerance-baseline");
            Map<String, Object> ret = r.get("tolerance-retrained");
            double tb = num(((Map<String, Object>) base.get("coarse")).get("tolerable_ber"));
            double tr = num(((Map<String, Object>) ret.get("coarse")).get("tolerable_ber"));
            m.put("baseline_accuracy", base.get("baseline_accuracy"));
            m.put("retrained_accuracy", ret.get("baseline_accuracy"));
            m.put("tolerable_ber_without_retraining", tb);
            m.put("tolerable_ber_with_retraining", tr);
            m.put("retraining_gain", tb > 0 ? tr / tb : null);
            Map<String, Object> comb = (Map<String, Object>) ret.get("combination");
            if (comb != null) {
                m.put("fine_combination_validated", comb.get("validated"));
            }
            map = r.get("mapping");
        } else {
            Map<String, Object> t = r.get("tolerance");
            Map<String, Object> base = (Map<String, Object>) t.get("baseline");
            Map<String, Object> fat = (Map<String, Object>) t.get("fault_aware");
            Map<String, Object> control = (Map<String, Object>) t.get("control");
            m.put("baseline_accuracy", base.get("error_free"));
            m.put("fault_aware_accuracy", fat.get("error_free"));
            m.put("control_accuracy", control == null ? null : control.get("error_free"));
            m.put("tolerable_ber_without_retraining", base.get("tolerable_ber"));
            m.put("tolerable_ber_with_retraining", fat.get("tolerable_ber"));
            double tb = num(base.get("tolerable_ber"));
            m.put("retraining_gain", tb > 0 ? num(fat.get("tolerable_ber")) / tb : null);
            // the same STDP images without flips: what FAT's gain must beat (issue 18)
            m.put("tolerable_ber_control", control == null ? null : control.get("tolerable_ber"));
            // the two on the same draws and images at the control's first failing BER (FatControlStage)
            Map<String, Object> versus = r.get("fat-vs-control");
            if (versus != null && versus.containsKey("fault_aware_better")) {
                m.put("fat_beats_control", versus.get("fault_aware_better"));
                m.put("fat_vs_control_points", 100 * num(versus.get("difference")));
                m.put("fat_vs_control_p", versus.get("p_value"));
            }
            map = r.get("placement");
            m.put("deployed_network", map.get("deployed_network"));
            // which error model decided the tolerance (uniform, or the location model's unsafe weight subarrays)
            m.put("weight_errors", map.get("weight_errors"));
        }
        m.put("vdd_nominal", map.get("nominal_vdd"));
        m.put("vdd_chosen", map.get("chosen_vdd"));
        m.put("energy_nominal_j", ((Map<String, Object>) map.get("nominal")).get("total_j"));
        m.put("energy_chosen_j", ((Map<String, Object>) map.get("chosen")).get("total_j"));
        m.put("energy_saving", map.get("energy_saving"));
        m.put("speedup", map.get("speedup_simulated"));
        // what decided the operating point, and the saving under both energy laws (issue 16)
        for (String k : new String[] {"limited_by", "energy_law", "energy_saving_linear", "energy_saving_quadratic",
                "latency_change", "devices_summary"}) {
            if (map.containsKey(k)) {
                m.put(k, map.get(k));
            }
        }
        m.putAll(extra);
        return m;
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
