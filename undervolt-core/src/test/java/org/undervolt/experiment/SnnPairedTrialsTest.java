package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.io.Json;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.PairedTrials;
import org.undervolt.resilience.PointStore;
import org.undervolt.resilience.SequentialPoint;
import org.undervolt.resilience.SequentialRule;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.Formats;

/** SNN trials paired with the error-free predictions: same draw as the full trial, same bits on any thread count. */
class SnnPairedTrialsTest {
    private final ImageDataset test = TinySnn.DATA.load(Split.TEST);

    private SnnStoredTrials trials(int threads) throws java.io.IOException {
        SnnModel model = SnnModelFile.read(new ByteArrayInputStream(TinySnn.model()), "tiny");
        return new SnnStoredTrials(model, Formats.byName("fp32"), UniformErrorModel::new, test, 40, threads, false);
    }

    @Test
    void aPairedTrialOnEveryImageIsTheFullTrial() throws java.io.IOException {
        SnnStoredTrials t = trials(2);
        int[] order = SequentialPoint.order(40, 3);
        for (double ber : new double[] {0, 1e-2, 5e-2}) {
            PairedTrials.Chunk c = t.open(ber, Seeds.stream(5, 1)).correct(order, 0, 40);
            int right = 0;
            for (boolean b : c.correct()) {
                right += b ? 1 : 0;
            }
            var full = t.evaluate(ber, Seeds.stream(5, 1));
            assertThat(right / 40.0).isEqualTo(full.accuracy());
            assertThat(c.nonfinite()).isEqualTo(full.nonfinite());
        }
        assertThat(t.cleanAccuracy()).isEqualTo(t.storedAccuracy()).isGreaterThan(0.8);
    }

    private List<Object> search(int threads) throws java.io.IOException {
        SnnStoredTrials t = trials(threads);
        PointStore store = PointStore.inMemory();
        ToleranceSearch s = new ToleranceSearch(new ToleranceSearch.Settings(1e-3, 1e-1, 1, 2, 3, 7),
                new Acceptance(t.cleanAccuracy(), 0.05, Acceptance.Rule.MEAN), store, ToleranceSearch.Listener.NONE)
                .withSequential(new SequentialRule(0.1, 8, 7));
        ToleranceSearch.Result r = s.search("network", t, t);
        return List.of(r.curve(), Json.write(store.extraByPoint()), r.tolerableBer());
    }

    @Test
    void sameBitsOnOneAndThreeThreads() throws java.io.IOException {
        assertThat(search(1)).isEqualTo(search(3));
    }
}
