package org.undervolt.usecase;

import java.util.Map;

/**
 * What a tolerance search found.
 *
 * @param baselineAccuracy the stored network's error-free accuracy
 * @param tolerableBer     the coarse (whole network) tolerable BER; negative where not even the grid's smallest passed
 * @param status           how the coarse search ended (e.g. {@code found}, {@code below_grid}), as the report words it
 * @param report           everything the search measured, as {@code tolerance.json} holds it (search settings,
 *                         curves, per target results, evaluation, provenance)
 */
public record ToleranceResult(double baselineAccuracy, double tolerableBer, String status, Map<String, Object> report) {
    public ToleranceResult {
        report = java.util.Collections.unmodifiableMap(report);
    }

    @SuppressWarnings("unchecked")
    static ToleranceResult of(Map<String, Object> report) {
        Map<String, Object> coarse = (Map<String, Object>) report.get("coarse");
        return new ToleranceResult(((Number) report.get("baseline_accuracy")).doubleValue(),
                ((Number) coarse.get("tolerable_ber")).doubleValue(), String.valueOf(coarse.get("status")), report);
    }
}
