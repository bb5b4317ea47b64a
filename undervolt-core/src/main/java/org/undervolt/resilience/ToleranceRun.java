package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;

/**
 * What {@code undervolt tolerance} does: load a network, store it as set up, measure its
 * error-free baseline, search its coarse (and optionally fine) tolerable BER, validate the fine
 * combination, and write {@code tolerance.json}, {@code curves.csv} and the resumable
 * {@code points.json} under the output folder.
 */
public final class ToleranceRun {

    /**
     * @param model         network file ({@code org.undervolt.nn.io.Checkpoint})
     * @param setup         what lives in approximate DRAM
     * @param search        grid, bisection, trials, seed
     * @param delta         accepted accuracy loss (fraction)
     * @param rule          acceptance statistic
     * @param fine          also search each layer × data type and validate the combination
     * @param testImages    test images used (first ones)
     * @param profileImages training images profiled for value bounds
     * @param reference     accuracy the loss is measured from (e.g. the network before retraining),
     *                      or null for this network's own error-free accuracy
     * @param out           output folder
     * @param evaluation    every trial on every image, or sequentially ({@link SequentialRule#of} the search seed)
     */
    public record Options(Path model, SetupSpec setup, ToleranceSearch.Settings search, double delta,
            Acceptance.Rule rule, boolean fine, int testImages, int profileImages, Double reference, Path out,
            EvaluationMode evaluation) {
        /** Full evaluation (as before the sequential mode existed). */
        public Options(Path model, SetupSpec setup, ToleranceSearch.Settings search, double delta, Acceptance.Rule rule,
                boolean fine, int testImages, int profileImages, Double reference, Path out) {
            this(model, setup, search, delta, rule, fine, testImages, profileImages, reference, out, EvaluationMode.FULL);
        }

        public Options {
            java.util.Objects.requireNonNull(evaluation, "evaluation");
            if (reference != null && !(reference >= 0 && reference <= 1)) {
                throw new org.undervolt.InvalidInputException("--baseline-accuracy " + reference
                        + " is out of range: expected 0..1");
            }
        }
    }

    private ToleranceRun() {
    }

    public static Map<String, Object> run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log) {
        return run(o, train, test, log, ToleranceSearch.TrialProgress.NONE);
    }

    /** As {@link #run(Options, ImageDataset, ImageDataset, Consumer)}, telling {@code trials} about every trial. */
    public static Map<String, Object> run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials) {
        return run(o, train, test, log, trials, TrialExecutor.LOCAL);
    }

    /**
     * As {@link #run(Options, ImageDataset, ImageDataset, Consumer, ToleranceSearch.TrialProgress)}, the
     * Monte-Carlo trials run on {@code executor} (the same results wherever they run; the result says where).
     */
    public static Map<String, Object> run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials, TrialExecutor executor) {
        ImageDataset testSet = test.slice(0, Math.min(o.testImages(), test.size()));
        DnnTrialRecipe recipe = new DnnTrialRecipe(o.model().toString(), modelBytes(o.model()), o.setup(), testSet, train, o.profileImages());
        NetworkEvaluator ev = recipe.build();
        double baseline = ev.baseline();
        log.accept(String.format("baseline (stored, error-free) %.4f on %d test images", baseline, testSet.size()));
        double reference = o.reference() != null ? o.reference() : baseline;
        Acceptance acc = new Acceptance(reference, o.delta(), o.rule());
        // A point's accuracies depend on the network, the setup, the test images, the seed and the
        // trials, not on the acceptance rule: a rerun with another delta or reference reuses them.
        String config = "model=" + o.model() + " setup=" + o.setup() + " seed=" + o.search().seed() + " trials="
                + o.search().trials() + " test=" + testSet.name() + " profile=" + o.profileImages()
                + " baseline=" + baseline + (o.evaluation() == EvaluationMode.FULL ? "" : " evaluation=" + o.evaluation().id());
        PointStore store = PointStore.open(o.out().resolve("points.json"), config);
        ToleranceSearch search = new ToleranceSearch(o.search(), acc, store, (target, p, reused) -> log.accept(
                String.format("%s BER %.3g: mean %.4f, lower95 %.4f%s", target, p.ber(), p.mean(), p.lower95(),
                        reused ? " (from checkpoint)" : "")), trials)
                .withSequential(o.evaluation() == EvaluationMode.SEQUENTIAL ? SequentialRule.of(o.search().seed()) : null)
                .withExecutor(executor);
        ToleranceAnalysis analysis = new ToleranceAnalysis(ev, recipe, search);
        ToleranceSearch.Result coarse = analysis.coarse();
        List<ToleranceSearch.Result> all = new ArrayList<>(List.of(coarse));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", o.model().toString());
        out.put("baseline_accuracy", baseline);
        out.put("reference_accuracy", reference);
        out.put("test_images", testSet.size());
        out.put("criterion", acc.describe());
        out.put("threshold", acc.threshold());
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("ber_min", o.search().berMin());
        sm.put("ber_max", o.search().berMax());
        sm.put("points_per_decade", o.search().pointsPerDecade());
        sm.put("bisections", o.search().bisections());
        sm.put("trials", o.search().trials());
        sm.put("seed", o.search().seed());
        sm.put("method", "log grid upwards to the first failing point, then bisection in log space");
        out.put("search", sm);
        out.put("runner", executor.where());
        out.put("setup", o.setup().describe());
        out.put("coarse", CurveExport.result(coarse));
        if (o.fine()) {
            List<ToleranceSearch.Result> fine = analysis.fine();
            all.addAll(fine);
            List<Object> f = new ArrayList<>();
            fine.forEach(r -> f.add(CurveExport.result(r)));
            out.put("fine", f);
            ToleranceAnalysis.Combination c = analysis.combination(fine, coarse);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("bers", c.bers());
            cm.put("scale", c.scale());
            cm.put("validated", c.validated());
            cm.put("measured_by", c.coarse() ? "the coarse search (every site at the coarse tolerable BER)"
                    : "the combination's own trials");
            Map<String, Object> pt = CurveExport.point(c.point());
            pt.remove("ber");
            cm.put("accuracy", pt);
            out.put("combination", cm);
        }
        sm.put("evaluation", EvaluationReport.describe(search, store, testSet.size())); // after every search
        out.put("nonfinite_outputs", NonfiniteSummary.of(store, "test images whose output held a NaN or an infinity",
                NonfiniteSummary.DNN_HANDLING));
        out.put("provenance", Provenance.describe());
        CurveExport.csv(o.out().resolve("curves.csv"), all);
        AtomicFiles.write(o.out().resolve("tolerance.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** The model file's bytes; a missing file is bad input, as {@link DnnModels#load} says it. */
    static byte[] modelBytes(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new org.undervolt.InvalidInputException("--model " + file + ": no such file");
        }
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }
}
