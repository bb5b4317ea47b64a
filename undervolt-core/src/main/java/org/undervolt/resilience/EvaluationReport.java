package org.undervolt.resilience;

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
    static Evaluation describe(ToleranceSearch search, PointStore store, int testImages) {
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
        return new Evaluation(search.evaluation().id(), search.sequential() == null ? "every trial on every test image"
                : search.sequential().describe(), used, full);
    }

    /**
     * @param mode              full or sequential
     * @param method            how a point's trials were evaluated
     * @param trialImages       test images the trials ran on, over every point
     * @param trialImagesIfFull test images a full evaluation of every trial would have run on
     */
    record Evaluation(String mode, String method, long trialImages, long trialImagesIfFull) {
    }
}
