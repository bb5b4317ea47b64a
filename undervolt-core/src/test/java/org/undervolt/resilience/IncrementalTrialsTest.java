package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

class IncrementalTrialsTest {

    private static NetworkEvaluator evaluator(Sequential model, ImageDataset test, Set<DataKind> kinds, boolean bounding) {
        StorageSetup setup = new StorageSetup(Site.of(model, kinds), Formats.INT8, Formats.INT8, UniformErrorModel::new,
                "uniform", DramGeometry.lpddr3x32(), bounding);
        ValueBounds bounds = bounding ? ValueBounds.profile(model, test, 64, java.util.List.of()) : null;
        return new NetworkEvaluator(model, new NetworkFaults(model, setup, bounds), test);
    }

    /** Per image, whether it is right, evaluated incrementally and in full from the same draw. */
    private static void assertSamePredictions(Sequential model, NetworkEvaluator ev, ImageDataset test, double[] bers) {
        assertThat(ev.usesIncremental()).isTrue();
        StorageSetup setup = ev.faults().setup();
        PairedTrials inc = ev.paired(setup::uniform);
        PairedTrials full = new NetworkEvaluator(model, ev.faults(), test).incremental(NetworkEvaluator.Incremental.OFF)
                .paired(setup::uniform);
        int[] order = SequentialPoint.order(test.size(), 9);
        for (int i = 0; i < test.size(); i++) {
            assertThat(inc.cleanCorrect(i)).isEqualTo(full.cleanCorrect(i));
        }
        int changed = 0;
        for (double ber : bers) {
            for (int t = 0; t < 4; t++) {
                SplittableRandom a = Seeds.stream(3, Double.doubleToLongBits(ber), t);
                SplittableRandom b = Seeds.stream(3, Double.doubleToLongBits(ber), t);
                PairedTrials.Chunk x = inc.open(ber, a).correct(order, 0, test.size());
                PairedTrials.Chunk y = full.open(ber, b).correct(order, 0, test.size());
                assertThat(x.correct()).as("ber %s trial %d", ber, t).isEqualTo(y.correct());
                assertThat(x.nonfinite()).isEqualTo(y.nonfinite());
                for (int k = 0; k < order.length; k++) {
                    changed += x.correct()[k] != inc.cleanCorrect(order[k]) ? 1 : 0;
                }
            }
        }
        assertThat(changed).as("predictions the errors changed").isGreaterThan(0);
    }

    @Test
    void mlpPredictionsEqualTheFullEvaluationsAtEveryBer() {
        ImageDataset test = SyntheticDatasets.separableBlobs(600, 8, 8, 4, 5);
        Sequential m = Mlp.create(new int[] {64, 32, 16, 4}, 2);
        assertSamePredictions(m, evaluator(m, test, Set.of(DataKind.WEIGHTS), false), test,
                new double[] {1e-4, 1e-3, 1e-2, 0.05});
    }

    @Test
    void convolutionalNetworkPredictionsEqualTheFullEvaluations() {
        ImageDataset test = SyntheticDatasets.separableBlobs(300, 28, 28, 10, 6);
        Sequential m = LeNet5.create(1, 10, 4);
        assertSamePredictions(m, evaluator(m, test, Set.of(DataKind.WEIGHTS), true), test, new double[] {1e-4, 3e-3, 0.05});
    }

    @Test
    void ifmErrorsRuleItOut() {
        ImageDataset test = SyntheticDatasets.separableBlobs(50, 8, 8, 4, 5);
        Sequential m = Mlp.create(new int[] {64, 16, 4}, 2);
        assertThat(evaluator(m, test, Set.of(DataKind.WEIGHTS), false).usesIncremental()).isTrue();
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), false);
        assertThat(new NetworkEvaluator(m, new NetworkFaults(m, setup, null), test).usesIncremental()).isFalse();
    }
}
