package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;

class SnnEvaluatorTest {

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        ImageDataset data = SyntheticDigits.make(60, 11);
        SnnModel m = SnnModel.initial(12, 3);
        new SnnTrainer(m).train(data, 20, null, 0, null);
        SnnEvaluator one = new SnnEvaluator(m, 1);
        SnnEvaluator.Responses r1 = one.responses(data, 60, 9, SnnModel.STREAM_LABEL);
        m.setLabels(NeuronLabels.assign(r1.sums(), r1.classImages(), 12));
        int[] p1 = one.predict(data, 60, 9, SnnModel.STREAM_TEST);
        for (int threads : new int[] {2, 3, 7}) {
            SnnEvaluator many = new SnnEvaluator(m, threads);
            SnnEvaluator.Responses r = many.responses(data, 60, 9, SnnModel.STREAM_LABEL);
            assertThat(r.sums()).containsExactly(r1.sums());
            assertThat(r.classImages()).containsExactly(r1.classImages());
            assertThat(many.predict(data, 60, 9, SnnModel.STREAM_TEST)).containsExactly(p1);
        }
        long spikes = 0;
        for (long s : r1.sums()) {
            spikes += s;
        }
        assertThat(spikes).isGreaterThanOrEqualTo(5 * 60); // the repetition rule guarantees >= 5 per image
    }

    @Test
    void trainingOnSeparableDataLearnsTheClasses() {
        ImageDataset train = SyntheticDigits.make(300, 1);
        ImageDataset test = SyntheticDigits.make(100, 2);
        SnnModel m = SnnModel.initial(30, 8);
        new SnnTrainer(m).train(train, 300, null, 0, null);
        SnnEvaluator ev = new SnnEvaluator(m, 2);
        SnnEvaluator.Responses r = ev.responses(train, 300, 1, SnnModel.STREAM_LABEL);
        m.setLabels(NeuronLabels.assign(r.sums(), r.classImages(), 30));
        double acc = SnnEvaluator.accuracy(ev.predict(test, 100, 1, SnnModel.STREAM_TEST), test);
        assertThat(acc).isGreaterThan(0.8);
        // the untrained network, labelled the same way, is much worse
        SnnModel raw = SnnModel.initial(30, 8);
        SnnEvaluator ev0 = new SnnEvaluator(raw, 2);
        SnnEvaluator.Responses r0 = ev0.responses(train, 300, 1, SnnModel.STREAM_LABEL);
        raw.setLabels(NeuronLabels.assign(r0.sums(), r0.classImages(), 30));
        double acc0 = SnnEvaluator.accuracy(ev0.predict(test, 100, 1, SnnModel.STREAM_TEST), test);
        assertThat(acc).isGreaterThan(acc0 + 0.2);
    }
}
