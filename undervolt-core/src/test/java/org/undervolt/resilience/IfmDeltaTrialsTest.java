package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

class IfmDeltaTrialsTest {

    private static NetworkEvaluator evaluator(Sequential model, ImageDataset profile, ImageDataset test, boolean bounding) {
        StorageSetup setup = new StorageSetup(Site.of(model, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), bounding);
        List<Integer> ifm = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        return new NetworkEvaluator(model, new NetworkFaults(model, setup, ValueBounds.profile(model, profile, 64, ifm)),
                test).ifmDelta(true);
    }

    /** A LeNet-5 trained for one epoch on 600 synthetic images, so that errors move its predictions. */
    private static Sequential lenet(ImageDataset train) {
        Sequential m = LeNet5.create(1, 10, 4);
        new Trainer(new TrainConfig(1, 32, 0.05f, 0.9f, 0f, 1)).train(m, train, (e, l, s) -> { });
        return m;
    }

    /**
     * Per image, whether it is right, evaluated as deltas and in full from the same draws, over the whole order and
     * over a chunk that starts inside it (other batches); returns the predictions the errors changed.
     */
    private static int assertSamePredictions(Sequential model, NetworkEvaluator ev, ImageDataset test, double[] bers,
            int trials) {
        assertThat(ev.usesIncremental()).isTrue();
        assertThat(ev.propagation()).isEqualTo("ifm-delta");
        StorageSetup setup = ev.faults().setup();
        PairedTrials delta = ev.paired(setup::uniform);
        assertThat(delta).isInstanceOf(IfmDeltaTrials.class);
        NetworkEvaluator reference = new NetworkEvaluator(model, ev.faults(), test).incremental(NetworkEvaluator.Incremental.OFF);
        PairedTrials full = reference.paired(setup::uniform);
        int[] order = SequentialPoint.order(test.size(), 9);
        for (int i = 0; i < test.size(); i++) {
            assertThat(delta.cleanCorrect(i)).isEqualTo(full.cleanCorrect(i));
        }
        int changed = 0;
        for (double ber : bers) {
            for (int t = 0; t < trials; t++) {
                SplittableRandom a = Seeds.stream(3, Double.doubleToLongBits(ber), t);
                SplittableRandom b = Seeds.stream(3, Double.doubleToLongBits(ber), t);
                PairedTrials.Trial x = delta.open(ber, a);
                PairedTrials.Trial y = full.open(ber, b);
                PairedTrials.Chunk cx = x.correct(order, 0, test.size());
                PairedTrials.Chunk cy = y.correct(order, 0, test.size());
                assertThat(cx.correct()).as("ber %s trial %d", ber, t).isEqualTo(cy.correct());
                assertThat(cx.nonfinite()).isEqualTo(cy.nonfinite());
                int from = test.size() / 3;
                assertThat(x.correct(order, from, test.size()).correct()).as("ber %s trial %d from %d", ber, t, from)
                        .isEqualTo(y.correct(order, from, test.size()).correct());
                for (int k = 0; k < order.length; k++) {
                    changed += cx.correct()[k] != delta.cleanCorrect(order[k]) ? 1 : 0;
                }
            }
        }
        return changed;
    }

    @Test
    void lenetPredictionsEqualTheFullEvaluationsWithIfmAndWeightErrors() {
        ImageDataset all = SyntheticDatasets.separableBlobs(1000, 28, 28, 10, 6);
        Sequential m = lenet(all.slice(0, 600));
        long exact = ConvDelta.EXACT.sum();
        long certified = ConvDelta.CERTIFIED.sum();
        int changed = assertSamePredictions(m, evaluator(m, all.slice(0, 600), all.slice(600, 1000), true),
                all.slice(600, 1000), new double[] {1e-4, 1e-3, 3e-3, 1e-2, 3e-2}, 4);
        assertThat(changed).as("predictions the errors changed").isGreaterThan(20);
        // both ways through a stage were taken: certified codes, and the exact chain where a bound straddled a step
        assertThat(ConvDelta.CERTIFIED.sum() - certified).isGreaterThan(1000);
        assertThat(ConvDelta.EXACT.sum() - exact).isGreaterThan(0);
    }

    @Test
    void withoutValueCorrectionToo() {
        ImageDataset all = SyntheticDatasets.separableBlobs(900, 28, 28, 10, 7);
        Sequential m = lenet(all.slice(0, 600));
        int changed = assertSamePredictions(m, evaluator(m, all.slice(0, 600), all.slice(600, 900), false),
                all.slice(600, 900), new double[] {5e-4, 5e-3, 5e-2}, 3);
        assertThat(changed).isGreaterThan(10);
    }

    @Test
    void mlpPredictionsEqualTheFullEvaluations() {
        ImageDataset all = SyntheticDatasets.separableBlobs(1500, 8, 8, 4, 5);
        Sequential m = Mlp.create(new int[] {64, 32, 16, 4}, 2);
        new Trainer(new TrainConfig(3, 32, 0.05f, 0.9f, 0f, 1)).train(m, all.slice(0, 1000), (e, l, s) -> { });
        int changed = assertSamePredictions(m, evaluator(m, all.slice(0, 1000), all.slice(1000, 1500), true),
                all.slice(1000, 1500), new double[] {1e-6, 1e-4, 1e-3, 1e-2, 0.05}, 4); // 1e-6: batches without changes
        assertThat(changed).isGreaterThan(10);
    }

    @Test
    void offByDefault() {
        ImageDataset all = SyntheticDatasets.separableBlobs(200, 28, 28, 10, 6);
        Sequential m = LeNet5.create(1, 10, 4);
        NetworkEvaluator ev = evaluator(m, all.slice(0, 100), all.slice(100, 200), true);
        assertThat(ev.ifmDelta(false).usesIncremental()).isFalse();
        assertThat(ev.propagation()).isEqualTo("full");
        StorageSetup setup = ev.faults().setup();
        assertThat(new NetworkEvaluator(m, ev.faults(), all.slice(100, 200)).paired(setup::uniform))
                .isNotInstanceOf(IfmDeltaTrials.class);
        assertThat(ev.ifmDelta(true).paired(setup::uniform)).isInstanceOf(IfmDeltaTrials.class);
    }

    @Test
    void sameBitsWithOneThreadAndTwo() {
        ImageDataset all = SyntheticDatasets.separableBlobs(900, 28, 28, 10, 8);
        Sequential m = lenet(all.slice(0, 600));
        ImageDataset test = all.slice(600, 900);
        int[] order = SequentialPoint.order(test.size(), 5);
        int before = Parallel.threads();
        try {
            boolean[][] runs = new boolean[2][];
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setThreads(threads);
                NetworkEvaluator ev = evaluator(m, all.slice(0, 600), test, true);
                PairedTrials delta = ev.paired(ev.faults().setup()::uniform);
                runs[threads - 1] = delta.open(3e-3, Seeds.stream(11, 2)).correct(order, 0, test.size()).correct();
            }
            assertThat(runs[1]).isEqualTo(runs[0]);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void sequentialSearchFindsTheSameTolerableBerWithAndWithoutDeltas() {
        ImageDataset all = SyntheticDatasets.separableBlobs(1600, 28, 28, 10, 9);
        Sequential m = lenet(all.slice(0, 600));
        NetworkEvaluator delta = evaluator(m, all.slice(0, 600), all.slice(600, 1600), true);
        NetworkEvaluator full = evaluator(m, all.slice(0, 600), all.slice(600, 1600), true).ifmDelta(false);
        assertThat(delta.propagation()).isEqualTo("ifm-delta");
        assertThat(full.propagation()).isEqualTo("full");
        Acceptance a = new Acceptance(full.baseline(), 0.02, Acceptance.Rule.LOWER95);
        assertThat(delta.baseline()).isEqualTo(full.baseline());
        for (long seed = 0; seed < 3; seed++) {
            ToleranceSearch.Result[] r = new ToleranceSearch.Result[2];
            PointStore[] stores = {PointStore.inMemory(), PointStore.inMemory()};
            NetworkEvaluator[] evs = {delta, full};
            for (int k = 0; k < 2; k++) {
                ToleranceSearch s = new ToleranceSearch(new ToleranceSearch.Settings(1e-5, 1e-1, 1, 3, 3, seed), a,
                        stores[k], ToleranceSearch.Listener.NONE).withSequential(SequentialRule.of(seed));
                r[k] = s.search("network", new TargetTrials(evs[k], null, TrialFamily.UNIFORM));
            }
            assertThat(r[0].status()).isEqualTo(ToleranceSearch.Status.FOUND);
            assertThat(r[0].tolerableBer()).as("seed %d", seed).isEqualTo(r[1].tolerableBer());
            assertThat(r[0].curve()).isEqualTo(r[1].curve());
        }
    }
}
