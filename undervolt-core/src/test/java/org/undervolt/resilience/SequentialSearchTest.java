package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

class SequentialSearchTest {

    private static ToleranceSearch search(Acceptance a, PointStore store, long seed, boolean sequential) {
        ToleranceSearch s = new ToleranceSearch(new ToleranceSearch.Settings(1e-5, 1e-1, 1, 3, 5, seed), a, store,
                ToleranceSearch.Listener.NONE);
        return sequential ? s.withSequential(SequentialRule.of(seed)) : s;
    }

    /**
     * Over many seeds, the sequential search finds the full search's tolerable BER or the bisection point next
     * to it, mostly the same one, using fewer images.
     */
    @Test
    void fullAndSequentialFindTheSameOrAnAdjacentTolerableBer() {
        double step = Math.pow(10, 1.0 / 8); // one decade, bisected three times
        int same = 0;
        int seeds = 30;
        long used = 0;
        long full = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SimulatedTrials sim = new SimulatedTrials(5_000, 0.97, b -> Math.min(1, 8 * b), b -> Math.min(1, 0.4 * b), seed);
            Acceptance a = new Acceptance(sim.cleanAccuracy(), 0.01, Acceptance.Rule.LOWER95);
            ToleranceSearch.Result f = search(a, PointStore.inMemory(), seed, false).search("network", sim);
            PointStore store = PointStore.inMemory();
            ToleranceSearch seq = search(a, store, seed, true);
            ToleranceSearch.Result s = seq.search("network", sim, sim);
            assertThat(s.status()).isEqualTo(f.status()).isEqualTo(ToleranceSearch.Status.FOUND);
            double ratio = Math.max(s.tolerableBer(), f.tolerableBer()) / Math.min(s.tolerableBer(), f.tolerableBer());
            assertThat(ratio).as("seed %d: %s vs %s", seed, s.tolerableBer(), f.tolerableBer()).isLessThan(step * 1.001);
            same += s.tolerableBer() == f.tolerableBer() ? 1 : 0;
            var e = EvaluationReport.describe(seq, store, 5_000);
            used += e.trialImages();
            full += e.trialImagesIfFull();
        }
        assertThat(same).isGreaterThanOrEqualTo(seeds * 8 / 10);
        assertThat(used).isLessThan(full);
    }

    private static List<Object> run(NetworkEvaluator ev, int threads, boolean sequential) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            PointStore store = PointStore.inMemory();
            ToleranceSearch s = new ToleranceSearch(new ToleranceSearch.Settings(1e-4, 1e-1, 1, 2, 3, 5),
                    new Acceptance(ev.baseline(), 0.02, Acceptance.Rule.MEAN), store, ToleranceSearch.Listener.NONE)
                    .withSequential(sequential ? new SequentialRule(0.05, 300, 5) : null);
            ToleranceSearch.Result r = new ToleranceAnalysis(ev, s).coarse();
            return List.of(r.curve(), org.undervolt.io.Json.write(store.extraByPoint()), r.tolerableBer());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void sameSeedSameBitsWhateverTheThreadCount() {
        ImageDataset test = SyntheticDatasets.separableBlobs(1500, 8, 8, 4, 2);
        Sequential m = Mlp.create(new int[] {64, 32, 4}, 3);
        for (Set<DataKind> kinds : List.of(Set.of(DataKind.WEIGHTS), Set.of(DataKind.WEIGHTS, DataKind.IFMS))) {
            StorageSetup setup = new StorageSetup(Site.of(m, kinds), Formats.INT8, Formats.INT8, UniformErrorModel::new,
                    "uniform", DramGeometry.lpddr3x32(), false);
            NetworkEvaluator ev = new NetworkEvaluator(m, new NetworkFaults(m, setup, null), test);
            NetworkEvaluator ev2 = new NetworkEvaluator(m, new NetworkFaults(m, setup, null), test);
            assertThat(run(ev, 1, true)).as(kinds.toString()).isEqualTo(run(ev2, 3, true));
            // full points too (with IFMs: in the sequential order, pieces of all trials sharing the cores)
            assertThat(run(ev, 1, false)).as(kinds + " full").isEqualTo(run(ev2, 3, false));
        }
    }

    /**
     * A LeNet-5 (convolutions, 2 x 2 pooling and INT8 IFMs in vector lanes, with per-thread scratch buffers and
     * plane groups that follow the thread count): sequential and full searches give the same bits on one thread
     * and three.
     */
    @Test
    void aConvolutionalSearchGivesTheSameBitsWhateverTheThreadCount() {
        ImageDataset all = SyntheticDatasets.separableBlobs(900, 28, 28, 10, 8);
        Sequential m = org.undervolt.nn.zoo.LeNet5.create(1, 10, 4);
        new Trainer(new TrainConfig(1, 32, 0.05f, 0.9f, 0f, 1)).train(m, all.slice(0, 600), (e, l, s) -> { });
        ImageDataset test = all.slice(600, 900);
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), true);
        ValueBounds bounds = ValueBounds.profile(m, all.slice(0, 600), 64,
                setup.sites().stream().filter(x -> x.kind() == DataKind.IFMS).map(Site::layer).toList());
        NetworkEvaluator one = new NetworkEvaluator(m, new NetworkFaults(m, setup, bounds), test);
        NetworkEvaluator three = new NetworkEvaluator(m, new NetworkFaults(m, setup, bounds), test);
        assertThat(one.baseline()).isGreaterThan(0.5);
        for (boolean sequential : new boolean[] {true, false}) {
            List<Object> a = run(one, 1, sequential);
            assertThat(a).as("sequential " + sequential).isEqualTo(run(three, 3, sequential));
        }
    }

    private static NetworkEvaluator withIfms(ImageDataset test, Sequential m) {
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8, Formats.INT8,
                UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), false);
        return new NetworkEvaluator(m, new NetworkFaults(m, setup, null), test);
    }

    /**
     * IFM errors are drawn per batch of positions, so a full point visits the images in the order and batches of a
     * sequential search: each trial's accuracy is exactly its share of right images there.
     */
    @Test
    void fullPointsWithIfmErrorsMeetTheSequentialOrdersDraws() {
        ImageDataset test = SyntheticDatasets.separableBlobs(1500, 8, 8, 4, 2);
        NetworkEvaluator ev = withIfms(test, Mlp.create(new int[] {64, 32, 4}, 3));
        TargetTrials trials = new TargetTrials(ev, null, TrialFamily.UNIFORM);
        assertThat(trials.orderDependent()).isTrue();
        ToleranceSearch full = search(new Acceptance(ev.baseline(), 0.01, Acceptance.Rule.LOWER95), PointStore.inMemory(), 7,
                false);
        double ber = 3e-3;
        CurvePoint p = full.measure("network", trials, ber);
        int[] order = SequentialPoint.order(test.size(), 7);
        PairedTrials paired = ev.paired(TrialFamily.UNIFORM);
        boolean differs = false;
        for (int t = 0; t < 5; t++) {
            boolean[] c = paired.open(ber, full.trialStream("network", ber, t)).correct(order, 0, test.size()).correct();
            int right = 0;
            for (boolean b : c) {
                right += b ? 1 : 0;
            }
            assertThat(p.accuracies()[t]).isEqualTo((float) right / test.size());
            differs |= right != Math.round(ev.baseline() * test.size());
        }
        assertThat(differs).as("the errors change some predictions").isTrue();
    }

    /**
     * With IFM errors too (and EDEN's value correction, static IFM formats), over many seeds the full and the
     * sequential search of a trained network find the same tolerable BER.
     */
    @Test
    void fullAndSequentialAgreeWithIfmErrors() {
        ImageDataset all = SyntheticDatasets.separableBlobs(3000, 6, 6, 8, 3);
        Sequential m = Mlp.create(new int[] {36, 32, 8}, 1);
        new Trainer(new TrainConfig(5, 32, 0.05f, 0.9f, 0f, 1)).train(m, all.slice(0, 1000), (e, l, s) -> { });
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), true);
        NetworkEvaluator ev = new NetworkEvaluator(m, new NetworkFaults(m, setup,
                ValueBounds.profile(m, all.slice(0, 1000), 500, List.of(0, 2))), all.slice(1000, 3000));
        Acceptance a = new Acceptance(ev.baseline(), 0.01, Acceptance.Rule.LOWER95);
        assertThat(ev.baseline()).isGreaterThan(0.9);
        TargetTrials trials = new TargetTrials(ev, null, TrialFamily.UNIFORM);
        double step = Math.pow(10, 1.0 / 8);
        int same = 0;
        int seeds = 10;
        for (long seed = 0; seed < seeds; seed++) {
            ToleranceSearch.Result f = search(a, PointStore.inMemory(), seed, false).search("network", trials);
            ToleranceSearch.Result s = search(a, PointStore.inMemory(), seed, true).search("network", trials);
            assertThat(s.status()).isEqualTo(f.status()).isEqualTo(ToleranceSearch.Status.FOUND);
            double ratio = Math.max(s.tolerableBer(), f.tolerableBer()) / Math.min(s.tolerableBer(), f.tolerableBer());
            assertThat(ratio).as("seed %d: %s vs %s", seed, s.tolerableBer(), f.tolerableBer()).isLessThan(step * 1.001);
            same += s.tolerableBer() == f.tolerableBer() ? 1 : 0;
        }
        assertThat(same).isEqualTo(seeds);
    }
}
