package org.undervolt.experiment;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.undervolt.dram.access.AccessCounts;
import org.undervolt.io.Json;
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

    /** The result as the JSON object the CLI prints; keys are the documented output contract ({@link Json}). */
    public Map<String, Object> toJson() {
        return Json.fields(new Out(baselineAccuracy, fp32Accuracy, curve.stream().map(PointOut::of).toList(),
                tolerableBer.isPresent() ? tolerableBer.getAsDouble() : null, vddNominal, vddChosen, berAtChosen,
                energyNominalJ, energyChosenJ, energySaving(), operatingPoint.get("limited_by"),
                operatingPoint.get("energy_saving_linear"), operatingPoint.get("energy_saving_quadratic"),
                operatingPoint.get("energy_law"), operatingPoint.get("devices_summary"), operatingPoint, ENERGY_SCOPE,
                AccessesOut.of(accesses), weightBytes, images, modelFromCache, trainSeconds, sweepSeconds, dram, config,
                provenance));
    }

    private static final String ENERGY_SCOPE = "DRAM command energy (ACT, PRE, RD, WR; DRAMPower equations, one device) "
            + "of one batch-1 inference pass over the test images; background and refresh energy not included";

    /** The JSON object: its components are the keys, in order (snake_case). */
    private record Out(double baselineAccuracy, double fp32Accuracy, List<Map<String, Object>> curve, Double tolerableBer,
            double vddNominal, double vddChosen, double berAtVddChosen, double energyNominalJ, double energyChosenJ,
            double energySaving, Object limitedBy, Object energySavingLinear, Object energySavingQuadratic,
            Object energyLaw, Object devicesSummary, Map<String, Object> operatingPoint, String energyScope,
            Map<String, Object> accesses, long weightBytes, int images, boolean modelFromCache, double trainSeconds,
            double sweepSeconds, Map<String, Object> dram, Map<String, Object> config, Map<String, Object> provenance) {
    }

    /** One point of the curve as JSON. */
    private record PointOut(double ber, double meanAccuracy, double minAccuracy, double maxAccuracy, double ci95HalfWidth,
            int trials, double[] accuracies) {
        static Map<String, Object> of(CurvePoint p) {
            return Json.fields(new PointOut(p.ber(), p.mean(), p.min(), p.max(), p.ci95HalfWidth(), p.trials(),
                    p.accuracies()));
        }
    }

    /** The access counts as JSON. */
    private record AccessesOut(long reads, long writes, long rowHits, long rowMisses, long rowConflicts) {
        static Map<String, Object> of(AccessCounts a) {
            return Json.fields(new AccessesOut(a.reads(), a.writes(), a.hits(), a.misses(), a.conflicts()));
        }
    }
}
