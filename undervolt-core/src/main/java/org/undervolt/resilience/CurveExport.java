package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

/** Curves and search results as data: CSV rows and JSON-ready maps. */
public final class CurveExport {
    private CurveExport() {
    }

    /** Header of {@link #csv}. */
    public static final String HEADER = "target,ber,trials,mean,stddev,ci95_low,ci95_high,lower95_one_sided,min,max";

    /** One CSV file of every point of every result (one row per point), written atomically. */
    public static void csv(Path file, List<ToleranceSearch.Result> results) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ToleranceSearch.Result r : results) {
            for (CurvePoint p : r.curve()) {
                sb.append(String.format(Locale.ROOT, "%s,%.6g,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", r.target(), p.ber(),
                        p.trials(), p.mean(), p.stddev(), p.mean() - p.ci95HalfWidth(), p.mean() + p.ci95HalfWidth(),
                        p.lower95(), p.min(), p.max()));
            }
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A point as a JSON map. */
    public static Map<String, Object> point(CurvePoint p) {
        return Json.fields(Point.of(p));
    }


    /**
     * One point of a curve: the trials' mean accuracy, its 95 % confidence interval and one-sided lower bound, and the
     * trials' extremes.
     */
    public record Point(double ber, int trials, double mean, List<Double> ci95, double lower95OneSided, double min,
            double max) {
        public static Point of(CurvePoint p) {
            return new Point(p.ber(), p.trials(), p.mean(), List.of(p.mean() - p.ci95HalfWidth(),
                    p.mean() + p.ci95HalfWidth()), p.lower95(), p.min(), p.max());
        }
    }

    /**
     * One search for a tolerable BER.
     *
     * @param tolerableBerInterval the tolerable BER and the first failing one (the tolerable one alone if none failed)
     * @param atTolerable          the point at the tolerable BER; null if there is none
     * @param curve                every point measured, by BER
     */
    public record Result(String target, double tolerableBer, String status, List<Double> tolerableBerInterval,
            Point atTolerable, List<Point> curve) {
        /** A search's result (with its curve), as its JSON shows it. */
        public static Result of(ToleranceSearch.Result r) {
            return new Result(r.target(), r.tolerableBer(), r.status().name().toLowerCase(Locale.ROOT),
                    Double.isNaN(r.failingBer()) ? List.of(r.tolerableBer()) : List.of(r.tolerableBer(), r.failingBer()),
                    r.atTolerable() == null ? null : Point.of(r.atTolerable()), r.curve().stream().map(Point::of).toList());
        }
    }
}
