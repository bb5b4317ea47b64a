package org.undervolt.experiment;

import java.util.List;

import org.undervolt.report.AccuracyPoint;
import org.undervolt.resilience.CurvePoint;

/** Measured accuracy curves in the form the report draws them (the report knows nothing of resilience). */
public final class ReportCurves {
    private ReportCurves() {
    }

    /** One report point per curve point, in the same order. */
    public static List<AccuracyPoint> of(List<CurvePoint> curve) {
        return curve.stream()
                .map(p -> new AccuracyPoint(p.ber(), p.mean(), p.ci95HalfWidth(), p.min(), p.max(), p.trials()))
                .toList();
    }
}
