package org.undervolt.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.ToleranceAnalysis;

/** The accuracy-versus-BER curves of a pipeline's stage results: without and with retraining. */
final class PipelineCurves {
    static final String WITHOUT = "without retraining";
    static final String WITH_EDEN = "with curricular retraining";
    static final String WITH_SPARKXD = "with fault-aware training";
    static final String CONTROL_SPARKXD = "control (same training, no flips)";

    private PipelineCurves() {
    }

    /** Name → curve (BER ascending, per-trial accuracies), for whichever pipeline produced {@code results}. */
    @SuppressWarnings("unchecked")
    static Map<String, List<CurvePoint>> of(Map<String, Map<String, Object>> results) {
        Map<String, List<CurvePoint>> out = new LinkedHashMap<>();
        if (results.containsKey("tolerance-baseline")) {
            out.put(WITHOUT, ToleranceStage.curve(results.get("tolerance-baseline"), ToleranceAnalysis.NETWORK));
        }
        if (results.containsKey("tolerance-retrained")) {
            out.put(WITH_EDEN, ToleranceStage.curve(results.get("tolerance-retrained"), ToleranceAnalysis.NETWORK));
        }
        if (results.containsKey("tolerance")) {
            Map<String, Object> t = results.get("tolerance");
            out.put(WITHOUT, SnnToleranceStage.curve((Map<String, Object>) t.get("baseline")));
            out.put(WITH_SPARKXD, SnnToleranceStage.curve((Map<String, Object>) t.get("fault_aware")));
            if (t.get("control") != null) {
                out.put(CONTROL_SPARKXD, SnnToleranceStage.curve((Map<String, Object>) t.get("control")));
            }
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
