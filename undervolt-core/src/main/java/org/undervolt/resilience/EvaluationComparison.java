package org.undervolt.resilience;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.storage.FormatSpec;

/**
 * One coarse tolerance search of a DNN or an SNN, run once per way of evaluating its trials, in one process and on
 * the same draws, for {@code undervolt bench tolerance}: full (every trial on every image), sequential
 * (paired, stopped when settled), and, for a DNN where it applies, incremental (full images, from the cached error-free
 * activations where only weights are stored, as deltas of the cached error-free IFM codes where IFMs are stored
 * too: {@link IfmDeltaTrials}) and both together. Each run builds its own evaluator, so its time includes
 * the caches it needs (error-free predictions, activations; for an SNN its stored network and error-free pass).
 */
public final class EvaluationComparison {

    /**
     * @param way           how the trials were evaluated
     * @param seconds       wall time of the search
     * @param cpuSeconds    CPU time of the whole process during the search (every thread, JIT and GC included; -1
     *                      where the JVM cannot tell): on a shared machine it varies less than the wall time
     * @param tolerableBer  its answer
     * @param status        where the answer lies relative to the grid
     * @param points        points measured
     * @param trialImages   images all trials used together
     * @param imagesIfFull  images all trials would have used in full
     */
    public record Row(String way, double seconds, double cpuSeconds, double tolerableBer, ToleranceSearch.Status status, int points,
            long trialImages, long imagesIfFull) {

        /** Mean seconds per trial of the search. */
        public double secondsPerTrial(int trials) {
            return seconds / ((double) points * trials);
        }
    }

    /** One way of evaluating. */
    private record Way(String name, EvaluationMode mode, NetworkEvaluator.Incremental incremental, boolean ifmDelta) {
    }

    private EvaluationComparison() {
    }

    /**
     * @param model    network file
     * @param setup    what is stored where
     * @param settings grid, bisections, trials, seed
     * @param delta    accepted loss
     * @param rule     acceptance statistic
     * @param train    images profiled for value bounds ({@code profile} of them)
     * @param test     test images
     * @param profile  training images profiled
     */
    public static List<Row> run(Path model, SetupSpec setup, ToleranceSearch.Settings settings, double delta,
            Acceptance.Rule rule, ImageDataset train, ImageDataset test, int profile) {
        Sequential net = DnnModels.load(model);
        StorageSetup s = setup.build(net);
        List<Integer> ifmLayers = s.sites().stream().filter(x -> x.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null : ValueBounds.profile(net, train, profile, ifmLayers);
        NetworkFaults faults = new NetworkFaults(net, s, bounds);
        double baseline = new NetworkEvaluator(net, faults, test).baseline(); // also warms the JIT up
        NetworkEvaluator probe = new NetworkEvaluator(net, faults, test).ifmDelta(true);
        List<Way> ways = new ArrayList<>(List.of(
                new Way("full", EvaluationMode.FULL, NetworkEvaluator.Incremental.OFF, false),
                new Way("sequential", EvaluationMode.SEQUENTIAL, NetworkEvaluator.Incremental.OFF, false)));
        if (probe.usesIncremental()) {
            // weights only: from the cached activations; IFMs stored too: as deltas of the cached codes
            String name = ifmLayers.isEmpty() ? "incremental" : probe.propagation();
            ways.add(new Way(name, EvaluationMode.FULL, NetworkEvaluator.Incremental.ALWAYS, true));
            ways.add(new Way("sequential+" + name, EvaluationMode.SEQUENTIAL, NetworkEvaluator.Incremental.PAIRED, true));
        }
        List<Row> rows = new ArrayList<>();
        for (Way w : ways) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            NetworkEvaluator ev = new NetworkEvaluator(net, faults, test).incremental(w.incremental()).ifmDelta(w.ifmDelta());
            PointStore store = PointStore.inMemory();
            ToleranceSearch search = new ToleranceSearch(settings, new Acceptance(baseline, delta, rule), store,
                    ToleranceSearch.Listener.NONE)
                    .withSequential(w.mode() == EvaluationMode.SEQUENTIAL ? SequentialRule.of(settings.seed()) : null);
            ToleranceSearch.Result r = new ToleranceAnalysis(ev, search).coarse();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu1 = processCpuNanos();
            double cpu = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e9;
            var e = EvaluationReport.describe(search, store, test.size());
            rows.add(new Row(w.name(), seconds, cpu, r.tolerableBer(), r.status(), r.curve().size(),
                    e.trialImages(), e.trialImagesIfFull()));
        }
        return rows;
    }

    /**
     * The same comparison for a labelled SNN model (SparkXD's network), its weights stored as {@code format} under
     * {@code errorModel} (the axis is the BER of every weight, as {@code undervolt tolerance --model FILE.snn}):
     * full and sequential evaluation, each building its own stored network and error-free pass.
     *
     * @param threads evaluation threads (results do not depend on them)
     */
    public static List<Row> runSnn(Path model, FormatSpec format, String errorModel, long deviceSeed,
            ReadCorrection correction, ToleranceSearch.Settings settings, double delta, Acceptance.Rule rule,
            ImageDataset test, int threads) {
        SnnToleranceRun.labelledModel(model, errorModel, deviceSeed); // bad input before any work
        SnnTrialRecipe recipe = new SnnTrialRecipe(ToleranceRun.modelBytes(model), format.name(), errorModel, deviceSeed,
                correction, test, null);
        recipe.build(threads).storedAccuracy(); // warms the JIT up, as the DNN comparison's first baseline does
        List<Row> rows = new ArrayList<>();
        for (EvaluationMode mode : List.of(EvaluationMode.FULL, EvaluationMode.SEQUENTIAL)) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            SnnStoredTrials trials = recipe.build(threads);
            Acceptance acceptance = new Acceptance(trials.storedAccuracy(), delta, rule);
            PointStore store = PointStore.inMemory();
            ToleranceSearch search = new ToleranceSearch(settings, acceptance, store, ToleranceSearch.Listener.NONE)
                    .withSequential(mode == EvaluationMode.SEQUENTIAL ? SequentialRule.of(settings.seed()) : null);
            ToleranceSearch.Result r = search.search(ToleranceAnalysis.NETWORK, new TargetTrials(trials, recipe, TrialFamily.UNIFORM));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu1 = processCpuNanos();
            double cpu = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e9;
            var e = EvaluationReport.describe(search, store, test.size());
            rows.add(new Row(mode.id(), seconds, cpu, r.tolerableBer(), r.status(), r.curve().size(), e.trialImages(),
                    e.trialImagesIfFull()));
        }
        return rows;
    }

    /** CPU nanoseconds of this process so far, or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }
}
