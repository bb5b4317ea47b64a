package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.io.AtomicFiles;

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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ber", p.ber());
        m.put("trials", p.trials());
        m.put("mean", p.mean());
        m.put("ci95", List.of(p.mean() - p.ci95HalfWidth(), p.mean() + p.ci95HalfWidth()));
        m.put("lower95_one_sided", p.lower95());
        m.put("min", p.min());
        m.put("max", p.max());
        return m;
    }

    /** A search result as a JSON map (with its curve). */
    public static Map<String, Object> result(ToleranceSearch.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", r.target());
        m.put("tolerable_ber", r.tolerableBer());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("tolerable_ber_interval", Double.isNaN(r.failingBer()) ? List.of(r.tolerableBer())
                : List.of(r.tolerableBer(), r.failingBer()));
        m.put("at_tolerable", r.atTolerable() == null ? null : point(r.atTolerable()));
        List<Object> curve = new ArrayList<>();
        r.curve().forEach(p -> curve.add(point(p)));
        m.put("curve", curve);
        return m;
    }
}
