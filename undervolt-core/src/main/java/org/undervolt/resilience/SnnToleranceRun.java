package org.undervolt.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.snn.SnnImages;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.FormatSpec;

/**
 * What {@code undervolt tolerance --network snn} does: the coarse tolerable BER of a labelled Diehl
 * and Cook network whose input weights live in approximate DRAM (SparkXD's analysis, docs/PAPERS.md
 * §1.7), with the same search, acceptance rule and resumable points as the DNN analysis. A trial
 * injects errors into a copy of the stored weights and runs the test images on the weights as read
 * (or corrected on read, {@link ReadCorrection}); the spike trains are the same in every trial.
 */
public final class SnnToleranceRun {

    /**
     * @param model      labelled model file
     * @param format     storage format of the weights
     * @param errorModel error model spec ({@link ErrorModelRegistry})
     * @param deviceSeed weak-cell seed
     * @param correction what is done to a weight read outside [0, wmax], NaN or infinite
     * @param search     grid, bisection, trials, seed
     * @param delta      accepted loss
     * @param rule       acceptance statistic
     * @param testImages test images
     * @param threads    evaluation threads
     * @param reference  reference accuracy, or null for the stored network's own
     * @param out        output folder
     * @param evaluation every trial on every image, or sequentially ({@link SequentialRule#of} the search seed)
     * @param storage    where the weights live and which errors reach them at an axis point; null for {@link
     *                   WeightStorage#sequential} of {@code errorModel} (the axis is then the BER of every weight)
     */
    public record Options(Path model, FormatSpec format, String errorModel, long deviceSeed, ReadCorrection correction,
            ToleranceSearch.Settings search, double delta, Acceptance.Rule rule, int testImages, int threads,
            Double reference, Path out, EvaluationMode evaluation, WeightStorage storage) {
        /** The default storage ({@link WeightStorage#sequential}). */
        public Options(Path model, FormatSpec format, String errorModel, long deviceSeed, ReadCorrection correction,
                ToleranceSearch.Settings search, double delta, Acceptance.Rule rule, int testImages, int threads,
                Double reference, Path out, EvaluationMode evaluation) {
            this(model, format, errorModel, deviceSeed, correction, search, delta, rule, testImages, threads, reference, out,
                    evaluation, null);
        }

        /** With {@code clamp}: {@link ReadCorrection#CLAMP}, else {@link ReadCorrection#NONE}. */
        public Options(Path model, FormatSpec format, String errorModel, long deviceSeed, boolean clamp,
                ToleranceSearch.Settings search, double delta, Acceptance.Rule rule, int testImages, int threads,
                Double reference, Path out, EvaluationMode evaluation) {
            this(model, format, errorModel, deviceSeed, clamp ? ReadCorrection.CLAMP : ReadCorrection.NONE, search, delta,
                    rule, testImages, threads, reference, out, evaluation);
        }

        /** Full evaluation (as before the sequential mode existed). */
        public Options(Path model, FormatSpec format, String errorModel, long deviceSeed, boolean clamp,
                ToleranceSearch.Settings search, double delta, Acceptance.Rule rule, int testImages, int threads,
                Double reference, Path out) {
            this(model, format, errorModel, deviceSeed, clamp, search, delta, rule, testImages, threads, reference, out,
                    EvaluationMode.FULL);
        }
    }

    private SnnToleranceRun() {
    }

    /**
     * What {@code tolerance.json} of an SNN holds (and {@code tolerance --json} prints): its components are the keys
     * in order (snake_case).
     *
     * @param network              {@code snn N<neurons>}
     * @param referenceAccuracy    the accuracy the criterion is relative to (the baseline unless given)
     * @param weightErrors         which errors reach the weights ({@link WeightStorage#describe})
     * @param location             on a measured device's weak subarrays: where the tolerable BER puts the weights
     *                             ({@link WeightStorage#at}); absent otherwise
     * @param weightsClampedOnRead whether weights read outside [0, wmax] were clamped (the read correction before
     *                             {@code zero} existed)
     * @param coarse               the whole network's search
     * @param nonfiniteWeights     how many weights were read as NaN or an infinity, and how they were handled
     */
    public record Report(String model, String network, double baselineAccuracy, double referenceAccuracy, int testImages,
            String criterion, double threshold, String format, String errorModel, String weightErrors,
            @Json.OmitWhenNull Map<String, Object> location, boolean weightsClampedOnRead, String readCorrection,
            EvaluationReport.Evaluation evaluation, String runner, CurveExport.Result coarse,
            NonfiniteSummary.Summary nonfiniteWeights, Map<String, Object> provenance) implements ToleranceReport {
    }


    /** The correction's part of a point store's identity (as before {@code zero} existed for none and clamp). */
    private static String correctionKey(ReadCorrection c) {
        return c == ReadCorrection.ZERO ? " correction=zero" : " clamp=" + (c == ReadCorrection.CLAMP);
    }

    /**
     * The search's BER axis on {@code storage}: it ends at the first grid point at or above the highest BER the storage
     * reaches (a device's BER at its lowest voltage, which every larger axis point stands for too), so the device's
     * lowest voltage is on the grid once (a bisection step above the reach tries it again, with new draws); the lower
     * end then at most a decade under that.
     */
    static ToleranceSearch.Settings axis(ToleranceSearch.Settings s, WeightStorage storage) {
        double reach = storage.maxBer();
        if (!(reach > 0) || reach >= s.berMax()) {
            return s;
        }
        int n = s.pointsPerDecade();
        double top = Math.min(s.berMax(), Math.pow(10, Math.ceil(Math.log10(reach) * n - 1e-9) / n));
        double[] grid = BerGrid.logarithmic(Math.min(s.berMin(), top / 10), s.berMax(), n);
        for (double g : grid) {
            if (g >= top * (1 - 1e-9)) {
                top = g; // the grid's own value (whole decades exact)
                break;
            }
        }
        return new ToleranceSearch.Settings(Math.min(s.berMin(), top / 10), top, n, s.bisections(), s.trials(), s.seed());
    }

    /**
     * The model a search reads, checked before any work: the error model spec must parse and the model must carry
     * neuron labels (bad input otherwise).
     */
    static SnnModel labelledModel(Path file, String errorModel, long deviceSeed) {
        ErrorModelRegistry.family(errorModel, deviceSeed);
        SnnModel model = SnnModelFile.read(file);
        if (model.labels() == null) {
            throw new InvalidInputException(file + ": model has no neuron labels (train it with 'undervolt snn train')");
        }
        return model;
    }

    public static Report run(Options o, ImageDataset test, Consumer<String> log) {
        return run(o, test, log, ToleranceSearch.TrialProgress.NONE);
    }

    /** As {@link #run(Options, ImageDataset, Consumer)}, telling {@code trials} about every trial. */
    public static Report run(Options o, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials) {
        return run(o, test, log, trials, TrialExecutor.LOCAL);
    }

    /**
     * As {@link #run(Options, ImageDataset, Consumer, ToleranceSearch.TrialProgress)}, the Monte-Carlo trials
     * run on {@code executor} (the same results wherever they run; the result says where).
     */
    public static Report run(Options o, ImageDataset test, Consumer<String> log,
            ToleranceSearch.TrialProgress trials, TrialExecutor executor) {
        SnnImages.require(test);
        SnnModel model = labelledModel(o.model(), o.errorModel(), o.deviceSeed());
        int n = Math.min(o.testImages(), test.size());
        byte[] bytes = ToleranceRun.modelBytes(o.model());
        SnnTrialRecipe recipe = new SnnTrialRecipe(bytes, o.format().name(), o.errorModel(),
                o.deviceSeed(), o.correction(), test.slice(0, n), o.storage());
        WeightStorage storage = o.storage() == null ? WeightStorage.sequential(o.errorModel(), o.deviceSeed()) : o.storage();
        ToleranceSearch.Settings settings = axis(o.search(), storage);
        SnnStoredTrials trial = recipe.build(o.threads());
        double baseline = trial.storedAccuracy();
        log.accept(String.format("baseline (stored, error-free) %.4f on %d test images", baseline, n));
        double reference = o.reference() != null ? o.reference() : baseline;
        Acceptance acc = new Acceptance(reference, o.delta(), o.rule());
        String content = ModelIdentity.of(bytes);
        String config = "snn model=" + content + " format=" + o.format().name() + " errors=" + o.errorModel()
                + " device=" + o.deviceSeed() + correctionKey(o.correction()) + " seed=" + o.search().seed() + " trials="
                + o.search().trials() + " test=" + n + " baseline=" + baseline
                + (o.evaluation() == EvaluationMode.FULL ? "" : " evaluation=" + o.evaluation().id())
                + (storage.key().isEmpty() ? "" : " storage=" + storage.key() + " axis=" + settings.berMin() + ".."
                + settings.berMax());
        String byPath = ModelIdentity.byPath(config, new String[] {content}, new Path[] {o.model()});
        PointStore store = PointStore.open(o.out().resolve("points.json"), config, byPath::equals);
        ToleranceSearch search = new ToleranceSearch(settings, acc, store, (target, p, reused) -> log.accept(
                String.format("%s BER %.3g: mean %.4f, lower95 %.4f%s", target, p.ber(), p.mean(), p.lower95(),
                        reused ? " (from checkpoint)" : "")), trials)
                .withSequential(o.evaluation() == EvaluationMode.SEQUENTIAL ? SequentialRule.of(o.search().seed()) : null)
                .withExecutor(executor);
        ToleranceSearch.Result r = search.search(ToleranceAnalysis.NETWORK, new TargetTrials(trial, recipe, TrialFamily.UNIFORM));

        Map<String, Object> where = storage.at(r.tolerableBer() > 0 ? r.tolerableBer() : 0, trial.weightBytes());
        if (!where.isEmpty()) {
            log.accept(String.valueOf(where.get("line")));
        }
        Report out = new Report(o.model().toString(), "snn N" + model.neurons(), baseline, reference, n, acc.describe(),
                acc.threshold(), o.format().name(), o.errorModel(), storage.describe(), where.isEmpty() ? null : where,
                o.correction() == ReadCorrection.CLAMP, o.correction().id(), EvaluationReport.describe(search, store, n),
                executor.where(), CurveExport.Result.of(r), NonfiniteSummary.of(store,
                "weights read from DRAM as NaN or an infinity", NonfiniteSummary.SNN_HANDLING), Provenance.describe());
        CurveExport.csv(o.out().resolve("curves.csv"), List.of(r));
        AtomicFiles.write(o.out().resolve("tolerance.json"), (Json.write(out) + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
