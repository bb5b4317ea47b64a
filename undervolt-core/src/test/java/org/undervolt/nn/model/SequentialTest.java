package org.undervolt.nn.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.Synthetic;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.zoo.Mlp;

class SequentialTest {

    @Test
    void mlpExposesNamedLiveParameters() {
        Sequential m = Mlp.create(new int[] {784, 256, 128, 10}, 1);
        List<Parameter> ps = m.parameters();
        assertThat(ps).extracting(Parameter::name).containsExactly(
                "dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias", "dense3.weight", "dense3.bias");
        assertThat(ps.get(0).shape()).containsExactly(256, 784);
        assertThat(ps.get(0).kind()).isEqualTo(ParameterKind.WEIGHT);
        assertThat(ps.get(1).kind()).isEqualTo(ParameterKind.BIAS);
        assertThat(m.parameterCount()).isEqualTo(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
        assertThat(m.parameter("dense2.weight").data()).isSameAs(ps.get(2).data());
    }

    @Test
    void copyIsIndependentAndWritesIntoItAreUsed() {
        Sequential m = Mlp.create(new int[] {16, 8, 3}, 2);
        Sequential c = m.copy();
        Tensor x = GradientInput.ones(4, 16);
        assertThat(c.infer(x).data()).containsExactly(m.infer(x).data());
        Arrays.fill(c.parameter("dense2.weight").data(), 0f);
        Arrays.fill(c.parameter("dense2.bias").data(), 1.5f);
        assertThat(c.infer(x).data()).containsOnly(1.5f);
        assertThat(m.infer(x).data()).doesNotContain(1.5f);
    }

    @Test
    void hooksSeeEveryLayerAndCanSubstituteWeightsAndFeatureMaps() {
        ImageDataset data = Synthetic.quadrants(700, 8, 4, 3);
        Sequential m = Mlp.create(new int[] {64, 10, 4}, 3);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        LayerHooks spy = new LayerHooks() {
            @Override
            public Tensor input(HookSite site, Tensor ifm) {
                seen.add(site.layerIndex() + ":" + site.layer().name() + "@" + site.batch());
                return ifm;
            }
        };
        float plain = Evaluator.accuracy(m, data);
        assertThat(Evaluator.accuracy(m, data, spy)).isEqualTo(plain);
        assertThat(seen).contains("0:dense1@0", "1:relu1@256", "2:dense2@512").hasSize(9);

        // Substituting dense2's weights by zeros and its bias by a one-hot makes every prediction class 2.
        LayerHooks substitute = new LayerHooks() {
            @Override
            public float[] weights(HookSite site, Parameter p) {
                if (p.name().equals("dense2.weight")) {
                    return new float[p.size()];
                }
                if (p.name().equals("dense2.bias")) {
                    return new float[] {0, 0, 1, 0};
                }
                return p.data();
            }
        };
        assertThat(Evaluator.predict(m, data, substitute)).containsOnly(2);
        // A NaN written into the OFM of the last layer makes every prediction wrong (-1).
        LayerHooks nan = new LayerHooks() {
            @Override
            public Tensor output(HookSite site, Tensor ofm) {
                if (site.layerIndex() == 2) {
                    for (int r = 0; r < ofm.dim(0); r++) {
                        ofm.data()[r * 4 + 1] = Float.NaN;
                    }
                }
                return ofm;
            }
        };
        assertThat(Evaluator.predict(m, data, nan)).containsOnly(-1);
        assertThat(Evaluator.accuracy(m, data, nan)).isZero();
        // The model itself is untouched by the hooks.
        assertThat(Evaluator.accuracy(m, data)).isEqualTo(plain);
    }

    static final class GradientInput {
        static Tensor ones(int... shape) {
            Tensor t = Tensor.zeros(shape);
            Arrays.fill(t.data(), 1f);
            return t;
        }
    }
}
