package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.io.Json;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.PairedCrossing;
import org.undervolt.resilience.PointStore;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.Formats;

/**
 * The paired crossing on a real (tiny) spiking network: the FP32 weights read with out-of-range values zeroed against
 * the same weights read as they are, on the same draws. The same bits on one thread and on two, and the corrected
 * network tolerates at least as much.
 */
class SnnPairedCrossingTest {
    private final ImageDataset test = TinySnn.DATA.load(Split.TEST);

    private SnnStoredTrials trials(int threads, ReadCorrection correction) throws IOException {
        SnnModel model = SnnModelFile.read(new ByteArrayInputStream(TinySnn.model()), "tiny");
        return new SnnStoredTrials(model, Formats.byName("fp32"), UniformErrorModel::new, test, 40, threads, correction);
    }

    private String run(int threads) throws IOException {
        SnnStoredTrials zero = trials(threads, ReadCorrection.ZERO);
        SnnStoredTrials none = trials(threads, ReadCorrection.NONE);
        var settings = new PairedCrossing.Settings(1e-3, 1e-2, 1, 1e-6, 0.5, 3, 11);
        PairedCrossing.Result r = new PairedCrossing(settings, zero, none,
                new Acceptance(zero.cleanAccuracy(), 0.05, Acceptance.Rule.MEAN), PointStore.inMemory(), m -> { }).run();
        assertThat(r.a().crossing()).isGreaterThanOrEqualTo(r.b().crossing());
        assertThat(r.aAbove() + r.tie()).isEqualTo(1.0);
        return Json.write(FatControlCrossingStage.result(r, 40, new Acceptance(zero.cleanAccuracy(), 0.05,
                Acceptance.Rule.MEAN)));
    }

    @Test
    void theSameBitsOnOneThreadAndOnTwo() throws IOException {
        String one = run(1);
        assertThat(run(2)).isEqualTo(one);
        assertThat(one).contains("\"fault_aware\"").contains("\"points\"");
    }
}
