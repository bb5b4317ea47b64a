package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;
import org.undervolt.storage.NumberFormat;

class NetworkFaultsTest {
    private final Sequential model = Mlp.create(new int[] {16, 8, 3}, 4);

    private StorageSetup setup(boolean bounding) {
        return new StorageSetup(Site.of(model, Set.of(DataKind.WEIGHTS, DataKind.IFMS)), Formats.INT8, Formats.INT8,
                UniformErrorModel::new, "uniform", DramGeometry.lpddr3x32(), bounding);
    }

    @Test
    void sitesAreWeightedLayersTimesKinds() {
        assertThat(setup(false).sites()).extracting(Site::id)
                .containsExactly("dense1.weights", "dense1.ifm", "dense2.weights", "dense2.ifm");
    }

    @Test
    void withoutErrorsTheWeightsReadAreTheQuantisedOnes() {
        NetworkFaults f = new NetworkFaults(model, setup(false), null);
        Map<String, float[]> w = f.readWeights(setup(false).uniform(0), 1);
        float[] clean = model.parameter("dense1.weight").data();
        NumberFormat int8 = Formats.INT8.fit(clean, model.parameter("dense1.weight").shape());
        assertThat(w.get("dense1.weight")).isEqualTo(int8.decode(int8.encode(clean), 0, clean.length));
    }

    @Test
    void errorsGoOnlyWhereTheBerIsAndAreDeterministicPerSeed() {
        StorageSetup s = setup(false);
        NetworkFaults f = new NetworkFaults(model, s, null);
        Site w1 = s.site("dense1.weights");
        Map<String, float[]> clean = f.readWeights(s.uniform(0), 1);
        Map<String, float[]> a = f.readWeights(s.only(w1, 0.05), 7);
        Map<String, float[]> b = f.readWeights(s.only(w1, 0.05), 7);
        Map<String, float[]> c = f.readWeights(s.only(w1, 0.05), 8);
        assertThat(a.get("dense1.weight")).isEqualTo(b.get("dense1.weight")).isNotEqualTo(clean.get("dense1.weight"));
        assertThat(c.get("dense1.weight")).isNotEqualTo(a.get("dense1.weight"));
        assertThat(a.get("dense2.weight")).isEqualTo(clean.get("dense2.weight"));
    }

    @Test
    void boundingZeroesCorruptedWeightsOutsideTheCleanRange() {
        StorageSetup s = setup(true);
        ImageDataset data = SyntheticDatasets.separableBlobs(32, 4, 4, 3, 1);
        NetworkFaults f = new NetworkFaults(model, s, ValueBounds.profile(model, data, 32, List.of(0, 2)));
        float[] clean = model.parameter("dense1.weight").data();
        ValueBounds.Range r = ValueBounds.weightBounds(clean);
        float[] read = f.readWeights(s.uniform(0.2), 3).get("dense1.weight");
        int zeros = 0;
        for (float v : read) {
            assertThat(r.contains(v)).isTrue();
            if (v == 0f) {
                zeros++;
            }
        }
        assertThat(zeros).isGreaterThan(0);
    }
}
