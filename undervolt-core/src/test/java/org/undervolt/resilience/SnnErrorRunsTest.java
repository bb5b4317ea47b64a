package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.snn.NeuronLabels;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnRuns;
import org.undervolt.snn.SnnTrainer;
import org.undervolt.snn.SyntheticDigits;
import org.undervolt.storage.FloatFormat;
import org.undervolt.storage.Formats;

class SnnErrorRunsTest {

    private static SnnModel trained(ImageDataset train) {
        SnnModel m = SnnModel.initial(20, 6);
        new SnnTrainer(m).train(train, 150, null, 0, null);
        SnnEvaluator ev = new SnnEvaluator(m, 2);
        SnnEvaluator.Responses r = ev.responses(train, 150, 6, SnnModel.STREAM_LABEL);
        m.setLabels(NeuronLabels.assign(r.sums(), r.classImages(), 20));
        return m;
    }

    @Test
    void faultTrialsAreReproducibleAndHurtAtHighBer() {
        ImageDataset train = SyntheticDigits.make(150, 1);
        ImageDataset test = SyntheticDigits.make(40, 2);
        SnnModel m = trained(train);
        double clean = SnnRuns.evaluate(m, test, 40, 2).accuracy();

        SnnRuns.EvalResult none = SnnErrorRuns.evaluateWithErrors(m, test, 40, FloatFormat.FP32, 0, 2, 5, 2);
        assertThat(none.baseline()).isEqualTo(clean); // FP32 storage is exact
        assertThat(none.accuracies()).containsExactly(clean, clean);

        SnnRuns.EvalResult a = SnnErrorRuns.evaluateWithErrors(m, test, 40, Formats.byName("int8"), 0.02, 3, 5, 2);
        SnnRuns.EvalResult b = SnnErrorRuns.evaluateWithErrors(m, test, 40, Formats.byName("int8"), 0.02, 3, 5, 1);
        assertThat(b.accuracies()).containsExactlyElementsOf(a.accuracies());
        assertThat(a.accuracy()).isEqualTo(a.accuracies().stream().mapToDouble(Double::doubleValue).average().orElseThrow());

        SnnRuns.EvalResult ruined = SnnErrorRuns.evaluateWithErrors(m, test, 40, FloatFormat.FP32, 0.05, 2, 5, 2);
        assertThat(ruined.accuracy()).isLessThan(clean - 0.2);
    }
}
