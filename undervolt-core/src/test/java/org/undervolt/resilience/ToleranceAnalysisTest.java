package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

class ToleranceAnalysisTest {

    @Test
    void aSitesOwnLossIsInterpolatedOnItsCurve() {
        List<CurvePoint> curve = List.of(new CurvePoint(1e-4, new double[] {0.98, 0.98}),
                new CurvePoint(1e-3, new double[] {0.96, 0.96}), new CurvePoint(1e-2, new double[] {0.50, 0.50}));
        assertThat(ToleranceAnalysis.lossAt(curve, 0, 0.99)).isZero();
        assertThat(ToleranceAnalysis.lossAt(curve, 5e-5, 0.99)).isCloseTo(0.005, within(1e-12)); // linear in BER below
        assertThat(ToleranceAnalysis.lossAt(curve, 1e-3, 0.99)).isCloseTo(0.03, within(1e-12));
        assertThat(ToleranceAnalysis.lossAt(curve, Math.sqrt(1e-4 * 1e-3), 0.99)).isCloseTo(0.02, within(1e-12));
        assertThat(ToleranceAnalysis.lossAt(curve, 0.05, 0.99)).isCloseTo(0.49, within(1e-12)); // the last point's
        assertThat(ToleranceAnalysis.lossAt(curve, 1e-4, 0.97)).isZero(); // a gain is no loss
    }

    /** A tiny MLP whose sites together tolerate less than each alone: the walk lowers some, never below coarse. */
    @Test
    void theCombinationLowersSitesWhereItFailsButNeverBelowTheCoarseRate() {
        ImageDataset all = SyntheticDatasets.separableBlobs(1800, 6, 6, 8, 3);
        Sequential m = Mlp.create(new int[] {36, 32, 8}, 1);
        new Trainer(new TrainConfig(5, 32, 0.05f, 0.9f, 0f, 1)).train(m, all.slice(0, 1000), (e, l, s) -> { });
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), true);
        ImageDataset test = all.slice(1000, 1800);
        NetworkEvaluator ev = new NetworkEvaluator(m, new NetworkFaults(m, setup,
                ValueBounds.profile(m, all.slice(0, 1000), 500, List.of(0, 2))), test);
        ToleranceSearch search = new ToleranceSearch(new ToleranceSearch.Settings(1e-4, 1e-1, 2, 2, 4, 7),
                new Acceptance(ev.baseline(), 0.02, Acceptance.Rule.LOWER95), PointStore.inMemory(),
                ToleranceSearch.Listener.NONE);
        ToleranceAnalysis a = new ToleranceAnalysis(ev, search);
        ToleranceSearch.Result coarse = a.coarse();
        List<ToleranceSearch.Result> fine = a.fine();
        ToleranceAnalysis.Combination c = a.combination(fine, coarse);
        assertThat(coarse.tolerableBer()).isPositive();
        assertThat(c.validated()).isTrue();
        assertThat(search.acceptance().accepts(c.point())).isTrue();
        int lowered = 0;
        for (int i = 0; i < fine.size(); i++) {
            double rate = c.bers().get(setup.sites().get(i).id());
            double own = Math.max(fine.get(i).tolerableBer(), coarse.tolerableBer());
            assertThat(rate).isGreaterThanOrEqualTo(coarse.tolerableBer()).isLessThanOrEqualTo(own);
            lowered += rate < own ? 1 : 0;
        }
        assertThat(c.scale()).isLessThanOrEqualTo(1.0);
        assertThat(lowered == 0).isEqualTo(c.scale() == 1.0);
    }
}
