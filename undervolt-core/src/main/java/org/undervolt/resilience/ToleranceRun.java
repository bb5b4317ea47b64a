package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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

    public static Report run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log) {
        return run(o, train, test, log, ToleranceSearch.TrialProgress.NONE);
    }

    /** As {@link #run(Options, ImageDataset, ImageDataset, Consumer)}, telling {@code trials} about every trial. */
    public static Report run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials) {
        return run(o, train, test, log, trials, TrialExecutor.LOCAL);
    }

    /**
     * As {@link #run(Options, ImageDataset, ImageDataset, Consumer, ToleranceSearch.TrialProgress)}, the
     * Monte-Carlo trials run on {@code executor} (the same results wherever they run; the result says where).
     */
    public static Report run(Options o, ImageDataset train, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials, TrialExecutor executor) {
        ImageDataset testSet = test.slice(0, Math.min(o.testImages(), test.size()));
        byte[] bytes = modelBytes(o.model());
        DnnTrialRecipe recipe = new DnnTrialRecipe(o.model().toString(), bytes, o.setup(), testSet, train, o.profileImages());
        NetworkEvaluator ev = recipe.build();
        double baseline = ev.baseline();
        log.accept(String.format("baseline (stored, error-free) %.4f on %d test images", baseline, testSet.size()));
        double reference = o.reference() != null ? o.reference() : baseline;
        Acceptance acc = new Acceptance(reference, o.delta(), o.rule());
        // A point's accuracies depend on the network, the setup, the test images, the seed and the
        // trials, not on the acceptance rule: a rerun with another delta or reference reuses them.
        String model = ModelIdentity.of(bytes);
        String config = "model=" + model + " setup=" + o.setup() + " seed=" + o.search().seed() + " trials="
                + o.search().trials() + " test=" + testSet.name() + " profile=" + o.profileImages()
                + " baseline=" + baseline + (o.evaluation() == EvaluationMode.FULL ? "" : " evaluation=" + o.evaluation().id());
        String byPath = ModelIdentity.byPath(config, new String[] {model}, new Path[] {o.model()});
        PointStore store = PointStore.open(o.out().resolve("points.json"), config, byPath::equals);
        ToleranceSearch search = new ToleranceSearch(o.search(), acc, store, (target, p, reused) -> log.accept(
                String.format("%s BER %.3g: mean %.4f, lower95 %.4f%s", target, p.ber(), p.mean(), p.lower95(),
                        reused ? " (from checkpoint)" : "")), trials)
                .withSequential(o.evaluation() == EvaluationMode.SEQUENTIAL ? SequentialRule.of(o.search().seed()) : null)
                .withExecutor(executor);
        ToleranceAnalysis analysis = new ToleranceAnalysis(ev, recipe, search);
        ToleranceSearch.Result coarse = analysis.coarse();
        List<ToleranceSearch.Result> all = new ArrayList<>(List.of(coarse));

        List<CurveExport.Result> fine = null;
        Combination combination = null;
        if (o.fine()) {
            List<ToleranceSearch.Result> perSite = analysis.fine();
            all.addAll(perSite);
            fine = perSite.stream().map(CurveExport.Result::of).toList();
            ToleranceAnalysis.Combination c = analysis.combination(perSite, coarse);
            Map<String, Object> pt = CurveExport.point(c.point());
            pt.remove("ber");
            combination = new Combination(c.bers(), c.scale(), c.validated(), c.coarse()
                    ? "the coarse search (every site at the coarse tolerable BER)" : "the combination's own trials", pt);
        }
        ToleranceSearch.Settings ss = o.search();
        Report out = new Report(o.model().toString(), baseline, reference, testSet.size(),
                acc.describe(), acc.threshold(), new Search(ss.berMin(), ss.berMax(), ss.pointsPerDecade(), ss.bisections(),
                ss.trials(), ss.seed(), "log grid upwards to the first failing point, then bisection in log space",
                EvaluationReport.describe(search, store, testSet.size())), executor.where(), o.setup().describe(),
                CurveExport.Result.of(coarse), fine, combination, NonfiniteSummary.of(store,
                "test images whose output held a NaN or an infinity", NonfiniteSummary.DNN_HANDLING), Provenance.describe());
        CurveExport.csv(o.out().resolve("curves.csv"), all);
        AtomicFiles.write(o.out().resolve("tolerance.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * What {@code tolerance.json} holds (and {@code tolerance --json} prints): its components are the keys in order
     * (snake_case).
     *
     * @param referenceAccuracy the accuracy the criterion is relative to (the baseline unless given)
     * @param coarse            the whole network's search
     * @param fine              with {@code --fine}: each site's search (absent without)
     * @param combination       with {@code --fine}: the sites' BERs together, scaled until accepted (absent without)
     * @param nonfiniteOutputs  how many test images' outputs held a NaN or an infinity, and how they were handled
     */
    public record Report(String model, double baselineAccuracy, double referenceAccuracy, int testImages, String criterion,
            double threshold, Search search, String runner, Map<String, Object> setup, CurveExport.Result coarse,
            @Json.OmitWhenNull List<CurveExport.Result> fine, @Json.OmitWhenNull Combination combination,
            NonfiniteSummary.Summary nonfiniteOutputs, Map<String, Object> provenance) implements ToleranceReport {
    }

    /**
     * How the tolerable BER was searched: the grid, the trials per point, and how each point was evaluated
     * ({@link EvaluationReport}, after every search).
     */
    record Search(double berMin, double berMax, int pointsPerDecade, int bisections, int trials, long seed, String method,
            EvaluationReport.Evaluation evaluation) {
    }

    /**
     * The fine sites' tolerable BERs applied together.
     *
     * @param bers      each site's BER as applied (scaled)
     * @param scale     the factor the sites' tolerable BERs were scaled by
     * @param validated  whether the accuracy there was accepted
     * @param measuredBy whose trials measured it: its own, or the coarse search's when every site ended at the
     *                   coarse tolerable BER ({@link ToleranceAnalysis.Combination#coarse()})
     * @param accuracy   the accuracy there (a curve point without its BER)
     */
    record Combination(Map<String, Double> bers, double scale, boolean validated, String measuredBy,
                       Map<String, Object> accuracy) {
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
