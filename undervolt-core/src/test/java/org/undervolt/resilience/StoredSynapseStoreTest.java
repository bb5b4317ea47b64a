package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnTrainer;
import org.undervolt.snn.SyntheticDigits;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FloatFormat;
import org.undervolt.storage.Formats;
import org.undervolt.storage.SequentialPlacement;

class StoredSynapseStoreTest {
    private static final SequentialPlacement PLACE = new SequentialPlacement(DramGeometry.lpddr3x32());

    @Test
    void fp32IsExactAndAFlippedBitIsWhatTheSimulatorReads() {
        SnnModel m = SnnModel.initial(5, 2);
        StoredSynapseStore s = StoredSynapseStore.of(m.weights(), FloatFormat.FP32, PLACE);
        float[] a = new float[784 * 5];
        float[] b = new float[784 * 5];
        m.weights().readAll(a);
        s.readAll(b);
        assertThat(b).containsExactly(a);
        assertThat(s.image().size()).isEqualTo(784 * 5 * 4);
        // weight (1, 2) is value 7, little-endian: its sign bit is bit 7 of byte 4*7+3
        DramImage bad = s.image().copy();
        bad.bytes()[4 * 7 + 3] ^= (byte) 0x80;
        assertThat(s.withImage(bad).get(1, 2)).isEqualTo(-a[7]);
        assertThat(s.get(1, 2)).isEqualTo(a[7]); // the clean image is untouched
    }

    @Test
    void int8RoundsWithinHalfAStepAndWritesBack() {
        SnnModel m = SnnModel.initial(4, 3);
        StoredSynapseStore s = StoredSynapseStore.of(m.weights(), Formats.byName("int8"), PLACE);
        assertThat(s.image().size()).isEqualTo(784 * 4);
        float[] a = new float[784 * 4];
        float[] b = new float[784 * 4];
        m.weights().readAll(a);
        s.readAll(b);
        float max = 0;
        for (float x : a) {
            max = Math.max(max, x);
        }
        double step = max / 127.0;
        for (int k = 0; k < a.length; k++) {
            assertThat((double) b[k]).isCloseTo(a[k], within(step / 2 + 1e-7));
        }
        s.set(3, 1, 0.25f);
        assertThat((double) s.get(3, 1)).isCloseTo(0.25, within(step / 2 + 1e-7));
    }

    @Test
    void modelWithStoredWeightsSimulatesLikeTheFloatOneInFp32() {
        SnnModel m = SnnModel.initial(6, 4);
        SnnModel stored = m.copy();
        stored.setWeights(StoredSynapseStore.of(m.weights(), FloatFormat.FP32, PLACE));
        var data = SyntheticDigits.make(10, 5);
        new SnnTrainer(m).train(data, 10, null, 0, null);
        new SnnTrainer(stored).train(data, 10, null, 0, null);
        float[] a = new float[784 * 6];
        float[] b = new float[784 * 6];
        m.weights().readAll(a);
        stored.weights().readAll(b);
        assertThat(b).containsExactly(a);
    }
}
