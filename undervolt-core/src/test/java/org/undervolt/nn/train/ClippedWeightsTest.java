package org.undervolt.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.testing.Synthetic;
import org.undervolt.nn.zoo.Mlp;

class ClippedWeightsTest {

    private static Parameter param(String name, ParameterKind kind, float... w) {
        Parameter p = new Parameter(name, kind, w.length);
        System.arraycopy(w, 0, p.data(), 0, w.length);
        return p;
    }

    @Test
    void everyStepEndsWithEachWeightTensorInsideItsOwnBound() {
        Parameter a = param("a.weight", ParameterKind.WEIGHT, 0.5f, -0.5f, 0.1f);
        Parameter b = param("b.weight", ParameterKind.WEIGHT, 2f, -3f);
        Parameter bias = param("a.bias", ParameterKind.BIAS, 5f);
        Parameter free = param("c.weight", ParameterKind.WEIGHT, 7f);
        a.grad()[0] = -1f; // pushes a[0] up to 0.6
        ClippedWeights opt = new ClippedWeights(new Sgd(0.9f, 0f), Map.of("a.weight", 0.55f, "b.weight", 1f, "a.bias", 0.1f));
        opt.step(List.of(a, b, bias, free), 0.1f);
        assertThat(a.data()).containsExactly(0.55f, -0.5f, 0.1f);
        assertThat(b.data()).containsExactly(1f, -1f);
        assertThat(bias.data()).containsExactly(5f); // biases are never clipped
        assertThat(free.data()).containsExactly(7f); // no bound, no clipping
        assertThat(opt.steps()).isEqualTo(1);
        assertThat(opt.state(List.of(a, b, bias, free))).hasSize(4); // the inner optimizer's momentum
        assertThatThrownBy(() -> new ClippedWeights(new Sgd(0f, 0f), Map.of("a", 0f))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void epochByEpochTrainingEqualsAWholeRun() {
        var data = Synthetic.quadrants(300, 8, 6, 1);
        TrainConfig c = new TrainConfig(3, 32, 0.05f, 0.9f, 0f, 4);
        Sequential whole = Mlp.create(new int[] {64, 16, 6}, 3);
        new Trainer(c, new Sgd(0.9f, 0f), LrSchedule.cosine()).train(whole, data, ProgressListener.NONE);
        Sequential stepwise = Mlp.create(new int[] {64, 16, 6}, 3);
        Trainer t = new Trainer(c, new Sgd(0.9f, 0f), LrSchedule.cosine());
        long per = t.stepsPerEpoch(data.size());
        long[] steps = {0};
        for (int e = 1; e <= 3; e++) {
            t.epoch(stepwise, data, org.undervolt.nn.layer.LayerHooks.NONE, e, (e - 1) * per, 3 * per, s -> steps[0]++);
        }
        assertThat(steps[0]).isEqualTo(3 * per);
        for (int k = 0; k < whole.parameters().size(); k++) {
            assertThat(stepwise.parameters().get(k).data()).isEqualTo(whole.parameters().get(k).data());
        }
    }
}
