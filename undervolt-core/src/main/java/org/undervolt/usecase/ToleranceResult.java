package org.undervolt.usecase;

import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceReport;

/**
 * What a tolerance search found.
 *
 * @param baselineAccuracy the stored network's error-free accuracy
 * @param tolerableBer     the coarse (whole network) tolerable BER; negative where not even the grid's smallest passed
 * @param status           how the coarse search ended (e.g. {@code found}, {@code below_grid}), as the report words it
 * @param report           everything the search measured, as {@code tolerance.json} holds it (search settings,
 *                         curves, per target results, evaluation, provenance)
 */
public record ToleranceResult(double baselineAccuracy, double tolerableBer, String status, ToleranceReport report) {

    static ToleranceResult of(ToleranceReport report) {
        return new ToleranceResult(report.baselineAccuracy(), report.coarse().tolerableBer(), report.coarse().status(),
                report);
    }

    /** On a measured device's weak subarrays (an SNN's {@code --location-device}): where the weights stand, in words; else null. */
    public String locationLine() {
        return report instanceof SnnToleranceRun.Report s && s.location() != null ? String.valueOf(s.location().get("line"))
                : null;
    }
}
