package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.resilience.SnnErrorRuns;
import org.undervolt.snn.NeuronLabels;
import org.undervolt.snn.SnnEvaluator;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnRuns;
import org.undervolt.snn.SnnTrainer;
import org.undervolt.snn.SyntheticDigits;
import org.undervolt.storage.Formats;

/** {@link SnnEvalUseCase} called as a library: the same results as the runs it chooses between, and its checks. */
class SnnEvalUseCaseTest {
    private static SnnModel model;
    private static ImageDataset test;

    @BeforeAll
    static void train() {
        ImageDataset train = SyntheticDigits.make(120, 1);
        test = SyntheticDigits.make(30, 2);
        model = SnnModel.initial(16, 6);
        new SnnTrainer(model).train(train, 120, null, 0, null);
        SnnEvaluator.Responses r = new SnnEvaluator(model, 2).responses(train, 120, 6, SnnModel.STREAM_LABEL);
        model.setLabels(NeuronLabels.assign(r.sums(), r.classImages(), 16));
    }

    @Test
    void withoutFormatOrBerItIsTheErrorFreeEvaluation() {
        SnnRuns.EvalResult r = SnnEvalUseCase.run(new SnnEvalRequest(model, test, 30, null, null, null, 1, 1, 2));
        SnnRuns.EvalResult plain = SnnRuns.evaluate(model, test, 30, 2);
        assertThat(r.accuracy()).isEqualTo(plain.accuracy());
        assertThat(r.accuracies()).isEqualTo(plain.accuracies());
        assertThat(r.format()).isEqualTo(plain.format());
    }

    @Test
    void aBerAloneStoresTheWeightsInFp32AndDrawsItsTrials() {
        SnnEvalRequest req = new SnnEvalRequest(model, test, 30, null, 0.02, new UniformErrorModel(0.02), 3, 5, 2);
        assertThat(req.stored()).isTrue();
        assertThat(req.storedFormat().name()).isEqualTo("fp32");
        SnnRuns.EvalResult r = SnnEvalUseCase.run(req);
        SnnRuns.EvalResult direct = SnnErrorRuns.evaluateWithErrors(model, test, 30, Formats.byName("fp32"), 0.02, 3, 5, 2);
        assertThat(r.accuracies()).hasSize(3).isEqualTo(direct.accuracies());
        assertThat(r.baseline()).isEqualTo(direct.baseline());
        // a format alone: stored at BER 0, every trial equals the format's error-free accuracy
        SnnRuns.EvalResult int8 = SnnEvalUseCase.run(new SnnEvalRequest(model, test, 30, Formats.byName("int8"), null,
                new UniformErrorModel(0), 2, 5, 2));
        assertThat(int8.accuracies()).containsOnly(int8.baseline());
    }

    @Test
    void aBerOutsideZeroToOneOrNoTrialsIsABadSetting() {
        assertThatThrownBy(() -> new SnnEvalRequest(model, test, 30, null, 1.5, null, 1, 1, 1)).isInstanceOf(BadSetting.class)
                .hasMessageContaining("ber").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new SnnEvalRequest(model, test, 30, null, 0.1, null, 0, 1, 1)).isInstanceOf(BadSetting.class)
                .hasMessageContaining("trials");
    }
}
