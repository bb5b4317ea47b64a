package org.undervolt.resilience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a search's points were evaluated, for its result file: the mode, the method, and the images the trials used. */
final class EvaluationReport {
    private EvaluationReport() {
    }

    /**
     * @param search     the search (its mode and rule)
     * @param store      its points; sequential ones carry their images per trial
     * @param testImages images of a full trial
     */
    static Map<String, Object> describe(ToleranceSearch search, PointStore store, int testImages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", search.evaluation().id());
        m.put("method", search.sequential() == null ? "every trial on every test image" : search.sequential().describe());
        long used = 0;
        long full = 0;
        Map<String, Map<String, Object>> extra = store.extraByPoint();
        for (var e : store.nonfiniteByPoint().keySet()) {
            int at = e.lastIndexOf('@');
            var p = store.get(e.substring(0, at), Double.parseDouble(e.substring(at + 1))).orElseThrow();
            full += (long) p.trials() * testImages;
            Object images = extra.getOrDefault(e, Map.of()).get("images");
            used += images instanceof List<?> l ? l.stream().mapToLong(x -> ((Number) x).longValue()).sum()
                    : images instanceof int[] a ? java.util.Arrays.stream(a).asLongStream().sum()
                    : (long) p.trials() * testImages;
        }
        m.put("trial_images", used);
        m.put("trial_images_if_full", full);
        return m;
    }
}
