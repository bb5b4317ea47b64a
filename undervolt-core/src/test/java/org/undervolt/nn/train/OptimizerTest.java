package org.undervolt.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;

class OptimizerTest {

    private static Parameter param(ParameterKind kind, float w, float g) {
        Parameter p = new Parameter("p", kind, 1);
        p.data()[0] = w;
        p.grad()[0] = g;
        return p;
    }

    @Test
    void sgdMomentumFollowsPyTorchsUpdate() {
        Parameter p = param(ParameterKind.WEIGHT, 1f, 0.5f);
        Sgd sgd = new Sgd(0.9f, 0.1f);
        sgd.step(List.of(p), 0.1f);
        // g = 0.5 + 0.1*1 = 0.6; v = 0.6; w = 1 - 0.06
        assertThat(p.data()[0]).isCloseTo(0.94f, within(1e-7f));
        sgd.step(List.of(p), 0.1f);
        // g = 0.5 + 0.094 = 0.594; v = 0.54 + 0.594 = 1.134; w = 0.94 - 0.1134
        assertThat(p.data()[0]).isCloseTo(0.8266f, within(1e-6f));
    }

    @Test
    void weightDecaySparesBiasesAndStatisticsAreNotTrained() {
        Parameter b = param(ParameterKind.BIAS, 1f, 0f);
        Parameter s = param(ParameterKind.STATISTIC, 1f, 5f);
        new Sgd(0f, 0.5f).step(List.of(b, s), 1f);
        assertThat(b.data()[0]).isEqualTo(1f);
        assertThat(s.data()[0]).isEqualTo(1f);
    }

    @Test
    void adamFirstStepsMoveByTheLearningRate() {
        // With bias correction, the first step is lr * g/|g| (up to eps), whatever the gradient's size.
        Parameter a = param(ParameterKind.WEIGHT, 0f, 1e-3f);
        Parameter b = param(ParameterKind.WEIGHT, 0f, -50f);
        Adam adam = new Adam(0f);
        adam.step(List.of(a, b), 0.01f);
        assertThat(a.data()[0]).isCloseTo(-0.01f, within(1e-6f));
        assertThat(b.data()[0]).isCloseTo(0.01f, within(1e-7f));
        // second step with the same gradient: m̂ = g, v̂ = g², again lr * sign
        adam.step(List.of(a, b), 0.01f);
        assertThat(a.data()[0]).isCloseTo(-0.02f, within(1e-6f));
        // then the gradient flips sign: after two steps of -50, m = -50·(1 − 0.9²); one more of +50
        b.grad()[0] = 50f;
        adam.step(List.of(b), 0.01f);
        double m = 0.9 * (-50 * (1 - 0.9 * 0.9)) + 0.1 * 50;
        double v = (1 - Math.pow(0.999, 3)) * 2500;
        double mHat = m / (1 - Math.pow(0.9, 3));
        double vHat = v / (1 - Math.pow(0.999, 3));
        assertThat((double) b.data()[0]).isCloseTo(0.02 - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8), within(1e-6));
    }

    @Test
    void schedules() {
        assertThat(LrSchedule.constant().factor(5, 10)).isEqualTo(1f);
        LrSchedule cos = LrSchedule.cosine();
        assertThat(cos.factor(0, 100)).isEqualTo(1f);
        assertThat(cos.factor(50, 100)).isCloseTo(0.5f, within(1e-6f));
        assertThat(cos.factor(100, 100)).isCloseTo(0f, within(1e-6f));
        LrSchedule step = LrSchedule.stepDecay(10, 0.1f);
        assertThat(step.factor(9, 100)).isEqualTo(1f);
        assertThat(step.factor(10, 100)).isCloseTo(0.1f, within(1e-7f));
        assertThat(step.factor(25, 100)).isCloseTo(0.01f, within(1e-8f));
        LrSchedule warm = LrSchedule.constant().withWarmup(4);
        assertThat(warm.factor(0, 100)).isEqualTo(0.25f);
        assertThat(warm.factor(3, 100)).isEqualTo(1f);
        assertThat(warm.factor(50, 100)).isEqualTo(1f);
    }
}
