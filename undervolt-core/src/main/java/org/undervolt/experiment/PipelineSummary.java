package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.io.Json;

/** The headline figures of a finished pipeline run: what {@code --json} prints and the store keeps as the run's summary. */
final class PipelineSummary {
    private PipelineSummary() {
    }

    /**
     * Where a run is and what it ran with, the summary's last keys before its operating points.
     *
     * @param runId      the run in the results store; null when nothing is recorded
     * @param store      the results store; null when nothing is recorded
     * @param folder     the run folder
     * @param report     its report.html
     * @param runner     where the tolerance trials ran ({@link PipelineRun#runner})
     * @param config     the settings the summary came from
     * @param provenance the code, JVM and machine that ran it ({@link org.undervolt.Provenance#describe}); left out
     *                   while null
     */
    record Whereabouts(Long runId, String store, String folder, String report, String runner, Map<String, Object> config,
            @Json.OmitWhenNull Map<String, Object> provenance) {
    }

    /**
     * The headline figures with the operating points last: the mapping stage's own, else (a stage recorded before
     * it had them) the median device's at each coarse tolerable BER ({@link RetrainingPoints}).
     */
    static Map<String, Object> withOperatingPoints(String kind, Map<String, Map<String, Object>> r, Whereabouts where,
            PipelineConfig config) {
        Headline h = headline(kind, r, where);
        Object stagePoints = stageOf(kind, r).get("operating_points");
        return Json.fields(new WithPoints(h, stagePoints != null ? stagePoints : RetrainingPoints.of(config,
                h.eden != null ? h.eden.tolerableBerWithoutRetraining : h.sparkxd.tolerableBerWithoutRetraining,
                h.eden != null ? h.eden.tolerableBerWithRetraining : h.sparkxd.tolerableBerWithRetraining)));
    }

    /** The summary: the headline, then the operating points. */
    private record WithPoints(@Json.Inline Headline headline, Object operatingPoints) {
    }

    /** The stage that chose the operating point: eden's mapping, sparkxd's placement. */
    private static Map<String, Object> stageOf(String kind, Map<String, Map<String, Object>> r) {
        return r.get(kind.equals(EdenPipeline.KIND) ? "mapping" : "placement");
    }

    /**
     * @param r     every stage's result by stage name (as run, or read back from its file on resume)
     * @param where where the run is and what it ran with, last
     * @return the headline figures in order
     */
    static Map<String, Object> of(String kind, Map<String, Map<String, Object>> r, Whereabouts where) {
        return Json.fields(headline(kind, r, where));
    }

    @SuppressWarnings("unchecked")
    private static Headline headline(String kind, Map<String, Map<String, Object>> r, Whereabouts where) {
        DnnTolerance dnn = null;
        SnnTolerance snn = null;
        Map<String, Object> map;
        if (kind.equals(EdenPipeline.KIND)) {
            Map<String, Object> base = r.get("tolerance-baseline");
            Map<String, Object> ret = r.get("tolerance-retrained");
            double tb = num(((Map<String, Object>) base.get("coarse")).get("tolerable_ber"));
            double tr = num(((Map<String, Object>) ret.get("coarse")).get("tolerable_ber"));
            Map<String, Object> comb = (Map<String, Object>) ret.get("combination");
            dnn = new DnnTolerance(base.get("baseline_accuracy"), ret.get("baseline_accuracy"), tb, tr,
                    tb > 0 ? tr / tb : null, comb == null ? null : (Boolean) comb.get("validated"));
            map = r.get("mapping");
        } else {
            Map<String, Object> t = r.get("tolerance");
            Map<String, Object> base = (Map<String, Object>) t.get("baseline");
            Map<String, Object> fat = (Map<String, Object>) t.get("fault_aware");
            Map<String, Object> control = (Map<String, Object>) t.get("control");
            double tb = num(base.get("tolerable_ber"));
            // the two on the same draws and images at the control's first failing BER (FatControlStage)
            Map<String, Object> versus = r.get("fat-vs-control");
            boolean compared = versus != null && versus.containsKey("fault_aware_better");
            // both tolerable BERs located on shared draws (FatControlCrossingStage)
            Map<String, Object> crossing = r.get("fat-vs-control-ber");
            boolean located = crossing != null && crossing.containsKey("confidence");
            map = r.get("placement");
            snn = new SnnTolerance(base.get("error_free"), fat.get("error_free"),
                    control == null ? null : control.get("error_free"), base.get("tolerable_ber"), fat.get("tolerable_ber"),
                    tb > 0 ? num(fat.get("tolerable_ber")) / tb : null, control == null ? null : control.get("tolerable_ber"),
                    compared ? versus.get("fault_aware_better") : null,
                    compared ? 100 * num(versus.get("difference")) : null, compared ? versus.get("p_value") : null,
                    located ? tolerable(crossing, "fault_aware") : null, located ? tolerable(crossing, "control") : null,
                    located ? crossing.get("confidence") : null, located ? crossing.get("fault_aware_higher") : null,
                    map.get("deployed_network"), map.get("weight_errors"));
        }
        // the median device's point of the mapping stage's lookup, priced on the network's inference; a stage
        // recorded before it kept one gives its plan's figures
        Map<String, Object> op = map.get("operating_point") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        Map<String, Object> point = op != null ? op : planPoint(map);
        Map<String, Object> decided = new LinkedHashMap<>();
        for (String k : DECIDED) {
            Object v = point.containsKey(k) ? point.get(k) : map.get(k);
            if (v != null || map.containsKey(k)) {
                decided.put(k, v);
            }
        }
        return new Headline(kind, dnn, snn, point.get("nominal_vdd"), point.get("chosen_vdd"),
                point.get("energy_nominal_j"), point.get("energy_chosen_j"), point.get("energy_saving"),
                point.get("speedup_simulated"), decided, where);
    }

    @SuppressWarnings("unchecked")
    private static Object tolerable(Map<String, Object> crossing, String network) {
        return ((Map<String, Object>) crossing.get(network)).get("tolerable_ber");
    }

    /** The plan's figures of a mapping stage recorded without {@code operating_point}, under the same keys. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> planPoint(Map<String, Object> map) {
        return Json.fields(new PlanPoint(map.get("nominal_vdd"), map.get("chosen_vdd"),
                ((Map<String, Object>) map.get("nominal")).get("total_j"), ((Map<String, Object>) map.get("chosen")).get("total_j"),
                map.get("energy_saving"), map.get("speedup_simulated")));
    }

    /** The figures an operating point gives the headline, here the plan's. */
    private record PlanPoint(Object nominalVdd, Object chosenVdd, Object energyNominalJ, Object energyChosenJ,
            Object energySaving, Object speedupSimulated) {
    }

    /**
     * What decided the operating point, the saving under both energy laws (issue 16) and what the savings are priced
     * on: the operating point's, else the mapping stage's where it has them (a stage finished by an older version
     * may not).
     */
    private static final String[] DECIDED = {"limited_by", "energy_law", "energy_saving_linear", "energy_saving_quadratic",
        "latency_change", "devices_summary", "priced_on"};

    /**
     * The headline figures: their components are the keys in order (snake_case), one pipeline's tolerance figures,
     * what decided the operating point and the run's whereabouts spliced in. Values read from the stages' results are
     * kept as read (a stage may come back from its file).
     *
     * @param vddNominal the module's nominal voltage; {@code vddChosen} the median device's point (the mapping stage's
     *                   {@code operating_point}), the energies and the saving priced there
     * @param speedup    the simulated speedup at the chosen voltage
     */
    private record Headline(String pipeline, @Json.Inline DnnTolerance eden, @Json.Inline SnnTolerance sparkxd,
            Object vddNominal, Object vddChosen, Object energyNominalJ, Object energyChosenJ, Object energySaving,
            Object speedup, @Json.Inline Map<String, Object> decided, @Json.Inline Whereabouts where) {
    }

    /**
     * EDEN: the DNN's tolerance before and after curricular retraining.
     *
     * @param retrainingGain           tolerable BER with retraining over without; null when without is 0
     * @param fineCombinationValidated whether the fine per-site BERs held together (absent without a fine stage)
     */
    private record DnnTolerance(Object baselineAccuracy, Object retrainedAccuracy, double tolerableBerWithoutRetraining,
            double tolerableBerWithRetraining, Double retrainingGain, @Json.OmitWhenNull Boolean fineCombinationValidated) {
    }

    /**
     * SparkXD: the SNN's tolerance without and with fault-aware training, and the control network trained on the same
     * STDP images without flips (what FAT's gain must beat, issue 18; null without one).
     *
     * @param fatBeatsControl    whether the fault-aware network beat its control on the same draws and images at the
     *                           control's first failing BER (sign test at 5 %, {@link FatControlStage}); absent when
     *                           that stage made no comparison
     * @param fatVsControlPoints fault-aware minus control accuracy there, in percentage points
     * @param fatVsControlP      the sign test's one-sided p-value
     * @param tolerableBerFaultAwarePaired the fault-aware network's tolerable BER located on the draws it shares with
     *                           the control ({@link FatControlCrossingStage}); absent without that comparison
     * @param tolerableBerControlPaired    the control's, on the same draws
     * @param fatBeatsControlBerConfidence share of paired bootstrap replicates with fault-aware's crossing above the
     *                           control's
     * @param fatBeatsControlBer whether that share is at least 95 %
     * @param deployedNetwork    the network placed in DRAM
     * @param weightErrors       which error model decided the tolerance (uniform, or the location model's unsafe
     *                           subarrays)
     */
    private record SnnTolerance(Object baselineAccuracy, Object faultAwareAccuracy, Object controlAccuracy,
            Object tolerableBerWithoutRetraining, Object tolerableBerWithRetraining, Double retrainingGain,
            Object tolerableBerControl, @Json.OmitWhenNull Object fatBeatsControl,
            @Json.OmitWhenNull Double fatVsControlPoints, @Json.OmitWhenNull Object fatVsControlP,
            @Json.OmitWhenNull Object tolerableBerFaultAwarePaired, @Json.OmitWhenNull Object tolerableBerControlPaired,
            @Json.OmitWhenNull Object fatBeatsControlBerConfidence, @Json.OmitWhenNull Object fatBeatsControlBer,
            Object deployedNetwork,
            Object weightErrors) {
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
