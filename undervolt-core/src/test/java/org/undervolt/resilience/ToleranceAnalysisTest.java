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

    /**
     * A walk that ends with every site at the coarse tolerable BER has reached the coarse configuration: its
     * measurement is the coarse search's (not a fresh draw at the boundary, which fails half the time by chance).
     */
    @Test
    void aCombinationAtTheCoarseRateIsTheCoarseSearchsMeasurement() {
        ImageDataset all = SyntheticDatasets.separableBlobs(600, 6, 6, 8, 3);
        Sequential m = Mlp.create(new int[] {36, 16, 8}, 1);
        new Trainer(new TrainConfig(3, 32, 0.05f, 0.9f, 0f, 1)).train(m, all.slice(0, 400), (e, l, s) -> { });
        StorageSetup setup = new StorageSetup(Site.of(m, Set.of(DataKind.WEIGHTS)), Formats.INT8,
                Formats.INT8, UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), true);
        NetworkEvaluator ev = new NetworkEvaluator(m, new NetworkFaults(m, setup,
                ValueBounds.profile(m, all.slice(0, 400), 200, List.of(0, 2))), all.slice(400, 600));
        int[] measured = {0};
        ToleranceSearch search = new ToleranceSearch(new ToleranceSearch.Settings(1e-4, 1e-1, 2, 0, 2, 7),
                new Acceptance(ev.baseline(), 0.02, Acceptance.Rule.LOWER95), PointStore.inMemory(),
                (target, p, reused) -> measured[0]++);
        CurvePoint atCoarse = new CurvePoint(3e-2, new double[] {0.5, 0.25}); // would fail if measured again
        ToleranceSearch.Result coarse = new ToleranceSearch.Result(ToleranceAnalysis.NETWORK, 3e-2, 1e-1,
                ToleranceSearch.Status.FOUND, atCoarse, List.of(atCoarse));
        List<ToleranceSearch.Result> fine = new java.util.ArrayList<>();
        for (Site site : setup.sites()) { // every site alone tolerates less than the network: all start at the floor
            CurvePoint p = new CurvePoint(1e-2, new double[] {ev.baseline(), ev.baseline()});
            fine.add(new ToleranceSearch.Result(site.id(), 1e-2, 3e-2, ToleranceSearch.Status.FOUND, p, List.of(p)));
        }
        ToleranceAnalysis.Combination c = new ToleranceAnalysis(ev, search).combination(fine, coarse);
        assertThat(c.coarse()).isTrue();
        assertThat(c.validated()).isTrue();
        assertThat(c.point().accuracies()).containsExactly(0.5, 0.25);
        assertThat(c.bers().values()).containsOnly(3e-2);
        assertThat(measured[0]).isZero();
    }
}
