package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.undervolt.dram.access.AccessCounts;
import org.undervolt.resilience.CurvePoint;

/**
 * What a demo run found: the accuracy-versus-BER curve, the tolerable BER, the voltage it allows and
 * the DRAM energy of one inference pass at nominal and chosen voltage.
 */
public record DemoResult(
        double fp32Accuracy,
        double baselineAccuracy,
        List<CurvePoint> curve,
        OptionalDouble tolerableBer,
        double vddNominal,
        double vddChosen,
        double berAtChosen,
        double energyNominalJ,
        double energyChosenJ,
        AccessCounts accesses,
        long weightBytes,
        int images,
        boolean modelFromCache,
        double trainSeconds,
        double sweepSeconds,
        Map<String, Object> dram,
        Map<String, Object> config,
        Map<String, Object> provenance,
        Map<String, Object> operatingPoint) {

    public DemoResult {
        curve = List.copyOf(curve);
    }

    /** Fraction of the nominal-voltage DRAM energy saved at the chosen voltage. */
    public double energySaving() {
        return energyNominalJ > 0 ? 1 - energyChosenJ / energyNominalJ : 0;
    }

    /** The result as the JSON object the CLI prints; keys are the documented output contract. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline_accuracy", baselineAccuracy);
        m.put("fp32_accuracy", fp32Accuracy);
        List<Map<String, Object>> pts = new ArrayList<>();
        for (CurvePoint p : curve) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("ber", p.ber());
            q.put("mean_accuracy", p.mean());
            q.put("min_accuracy", p.min());
            q.put("max_accuracy", p.max());
            q.put("ci95_half_width", p.ci95HalfWidth());
            q.put("trials", p.trials());
            q.put("accuracies", p.accuracies());
            pts.add(q);
        }
        m.put("curve", pts);
        m.put("tolerable_ber", tolerableBer.isPresent() ? tolerableBer.getAsDouble() : null);
        m.put("vdd_nominal", vddNominal);
        m.put("vdd_chosen", vddChosen);
        m.put("ber_at_vdd_chosen", berAtChosen);
        m.put("energy_nominal_j", energyNominalJ);
        m.put("energy_chosen_j", energyChosenJ);
        m.put("energy_saving", energySaving());
        m.put("limited_by", operatingPoint.get("limited_by"));
        m.put("energy_saving_linear", operatingPoint.get("energy_saving_linear"));
        m.put("energy_saving_quadratic", operatingPoint.get("energy_saving_quadratic"));
        m.put("energy_law", operatingPoint.get("energy_law"));
        m.put("devices_summary", operatingPoint.get("devices_summary"));
        m.put("operating_point", operatingPoint);
        m.put("energy_scope", "DRAM command energy (ACT, PRE, RD, WR; DRAMPower equations, one device) of one "
                + "batch-1 inference pass over the test images; background and refresh energy not included");
        Map<String, Object> acc = new LinkedHashMap<>();
        acc.put("reads", accesses.reads());
        acc.put("writes", accesses.writes());
        acc.put("row_hits", accesses.hits());
        acc.put("row_misses", accesses.misses());
        acc.put("row_conflicts", accesses.conflicts());
        m.put("accesses", acc);
        m.put("weight_bytes", weightBytes);
        m.put("images", images);
        m.put("model_from_cache", modelFromCache);
        m.put("train_seconds", trainSeconds);
        m.put("sweep_seconds", sweepSeconds);
        m.put("dram", dram);
        m.put("config", config);
        m.put("provenance", provenance);
        return m;
    }
}
