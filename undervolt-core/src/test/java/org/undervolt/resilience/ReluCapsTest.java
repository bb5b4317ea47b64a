package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.zoo.Mlp;

class ReluCapsTest {
    private static final ImageDataset DATA = SyntheticDatasets.separableBlobs(400, 6, 6, 4, 9);

    /** Every output value of the top-level layer {@code index}'s ReLU (its input, through max(x, 0)), sorted. */
    private static float[] outputs(Sequential m, int index) {
        List<float[]> seen = new ArrayList<>();
        Evaluator.predict(m, DATA, new LayerHooks() {
            @Override
            public Tensor input(HookSite site, Tensor x) {
                if (site.layerIndex() == index) {
                    synchronized (seen) {
                        seen.add(x.data().clone());
                    }
                }
                return x;
            }
        });
        int n = seen.stream().mapToInt(a -> a.length).sum();
        float[] all = new float[n];
        int k = 0;
        for (float[] a : seen) {
            for (float v : a) {
                all[k++] = Math.max(v, 0f);
            }
        }
        Arrays.sort(all);
        return all;
    }

    @Test
    void eachReluIsCappedAtThePercentileOfItsOwnOutputsWithinOneBin() {
        Sequential m = Mlp.create(new int[] {36, 24, 16, 4}, 5);
        Map<String, Float> caps = ReluCaps.profile(m, DATA, DATA.size(), 99);
        assertThat(caps).containsOnlyKeys("relu1", "relu2");
        for (int i = 0; i < m.layers().size(); i++) {
            if (!(m.layers().get(i) instanceof Relu)) {
                continue;
            }
            float[] v = outputs(m, i);
            float exact = v[(int) Math.ceil(0.99 * v.length) - 1]; // smallest value with >= 99 % at or below it
            float bin = v[v.length - 1] / ReluCaps.BINS;
            float cap = caps.get(m.layers().get(i).name());
            assertThat(cap).isGreaterThanOrEqualTo(exact).isCloseTo(exact, within(2.5f * bin));
            assertThat(cap).isLessThan(v[v.length - 1]);
        }
        // the capped copy: same parameters, capped ReLUs, outputs never above the cap; the original untouched
        Sequential capped = ReluCaps.apply(m, caps);
        assertThat(((Relu) capped.layers().get(1)).cap()).isEqualTo(caps.get("relu1"));
        assertThat(((Relu) m.layers().get(1)).cap()).isEqualTo(Float.POSITIVE_INFINITY);
        float[] after = outputs(capped, 2); // the input of layer 2 is relu1's output
        assertThat(after[after.length - 1]).isLessThanOrEqualTo(caps.get("relu1"));
        assertThat(capped.parameter("dense1.weight").data()).isEqualTo(m.parameter("dense1.weight").data());
    }

    @Test
    void aPercentileThatFallsOnTheZerosLeavesThatReluPlain() {
        Sequential m = Mlp.create(new int[] {36, 24, 4}, 5);
        float[] v = outputs(m, 1);
        double zeros = 0;
        for (float x : v) {
            zeros += x == 0 ? 1 : 0;
        }
        double share = 100 * zeros / v.length;
        assertThat(share).isBetween(5.0, 95.0);
        assertThat(ReluCaps.profile(m, DATA, DATA.size(), share / 2)).isEmpty();
        assertThat(ReluCaps.profile(m, DATA, DATA.size(), Math.min(100, share + 2))).containsOnlyKeys("relu1");
    }
}
