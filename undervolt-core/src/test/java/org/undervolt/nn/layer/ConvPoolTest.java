package org.undervolt.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

class ConvPoolTest {

    /** Direct convolution: six nested loops, no im2col. */
    private static float[] naive(Tensor x, Conv2d c, int out, int k, int stride, int pad) {
        int b = x.dim(0);
        int in = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        float[] wt = c.weight().data();
        float[] y = new float[b * out * oh * ow];
        for (int n = 0; n < b; n++) {
            for (int o = 0; o < out; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double s = c.bias().data()[o];
                        for (int ch = 0; ch < in; ch++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int yy = oy * stride - pad + i;
                                    int xx = ox * stride - pad + j;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                        s += wt[((o * in + ch) * k + i) * k + j] * x.data()[((n * in + ch) * h + yy) * w + xx];
                                    }
                                }
                            }
                        }
                        y[((n * out + o) * oh + oy) * ow + ox] = (float) s;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void convMatchesDirectConvolution() {
        int[][] cases = {{3, 4, 3, 1, 0, 9, 7}, {2, 5, 5, 1, 2, 28, 28}, {3, 2, 3, 2, 1, 8, 9}, {1, 3, 1, 1, 0, 4, 4}};
        for (int[] cs : cases) {
            Conv2d c = new Conv2d("c", cs[0], cs[1], cs[2], cs[3], cs[4]);
            c.initialize(new SplittableRandom(cs[5]));
            c.bias().data()[0] = 0.25f;
            Tensor x = GradientCheck.input(cs[6], 3, cs[0], cs[5], cs[6]);
            Tensor y = c.forward(x, ForwardContext.inference(0), null);
            assertThat(y.shape()).containsExactly(3, cs[1], (cs[5] + 2 * cs[4] - cs[2]) / cs[3] + 1,
                    (cs[6] + 2 * cs[4] - cs[2]) / cs[3] + 1);
            float[] ref = naive(x, c, cs[1], cs[2], cs[3], cs[4]);
            for (int i = 0; i < ref.length; i++) {
                assertThat(y.data()[i]).isCloseTo(ref[i], within(1e-5f));
            }
        }
    }

    @Test
    void inferenceAndTrainingForwardAgreeBitForBit() {
        int[][] cases = {{1, 6, 5, 1, 2, 28, 28}, {6, 16, 5, 1, 0, 14, 14}, {3, 4, 3, 1, 1, 7, 9}, {2, 3, 3, 2, 1, 8, 8}};
        for (int[] cs : cases) {
            Conv2d c = new Conv2d("c", cs[0], cs[1], cs[2], cs[3], cs[4]);
            c.initialize(new SplittableRandom(cs[5] + cs[6]));
            c.bias().data()[0] = -0.5f;
            Tensor x = GradientCheck.input(cs[5], 11, cs[0], cs[5], cs[6]);
            Tensor inf = c.forward(x, ForwardContext.inference(0), null);
            Tensor train = c.forward(x, new ForwardContext(true, 0, 0, LayerHooks.NONE), null);
            assertThat(inf.shape()).containsExactly(train.shape());
            assertThat(inf.data()).containsExactly(train.data());
        }
    }

    @Test
    void poolingGoldenValues() {
        Tensor x = new Tensor(new int[] {1, 1, 4, 4}, new float[] {
                1, 2, 3, 4,
                5, 6, 7, 8,
                9, 10, 11, 12,
                13, 14, 15, -16});
        ForwardContext inf = ForwardContext.inference(0);
        assertThat(new MaxPool2d("m", 2, 2).forward(x, inf, null).data()).containsExactly(6, 8, 14, 15);
        assertThat(new AvgPool2d("a", 2, 2).forward(x, inf, null).data()).containsExactly(3.5f, 5.5f, 11.5f, 5.5f);
        assertThat(new MaxPool2d("m", 3, 1).forward(x, inf, null).data()).containsExactly(11, 12, 15, 15);
        assertThat(new GlobalAvgPool("g").forward(x, inf, null).data()).containsExactly(6.5f);
    }

    @Test
    void batchNormInferenceUsesRunningStatistics() {
        BatchNorm bn = new BatchNorm("bn", 2);
        Tensor x = new Tensor(new int[] {2, 2}, new float[] {1, 10, 3, 30});
        ForwardContext train = new ForwardContext(true, 0, 0, LayerHooks.NONE);
        Tensor y = bn.forward(x, train, null);
        // batch mean (2, 20), biased var (1, 100): normalised to -1, +1 (up to eps)
        assertThat(y.data()[0]).isCloseTo(-1f, within(1e-4f));
        assertThat(y.data()[3]).isCloseTo(1f, within(1e-4f));
        // running mean 0.1*mean, running var 0.9 + 0.1*unbiased var (2, 200)
        assertThat(bn.parameters().get(2).data()).containsExactly(0.2f, 2f);
        assertThat(bn.parameters().get(3).data()[0]).isCloseTo(1.1f, within(1e-6f));
        assertThat(bn.parameters().get(3).data()[1]).isCloseTo(20.9f, within(1e-5f));
        Tensor z = bn.forward(new Tensor(new int[] {1, 2}, new float[] {0.2f, 2f}), ForwardContext.inference(0), null);
        assertThat(z.data()).containsExactly(0f, 0f);
    }

    @Test
    void dropoutKeepsExpectationAndIsIdentityInInference() {
        Dropout d = new Dropout("d", 0.25f);
        Tensor x = Tensor.zeros(1, 40000);
        java.util.Arrays.fill(x.data(), 1f);
        assertThat(d.forward(x, ForwardContext.inference(0), null)).isSameAs(x);
        Tensor y = d.forward(x, new ForwardContext(true, 5, 0, LayerHooks.NONE), null);
        int zeros = 0;
        for (float v : y.data()) {
            if (v == 0f) {
                zeros++;
            } else {
                assertThat(v).isEqualTo(1f / 0.75f);
            }
        }
        // Binomial(40000, 0.25): sd 86.6; 5 sd either side
        assertThat(zeros).isBetween(10000 - 433, 10000 + 433);
        Tensor again = d.forward(x, new ForwardContext(true, 5, 0, LayerHooks.NONE), null);
        assertThat(again.data()).containsExactly(y.data());
        Tensor other = d.forward(x, new ForwardContext(true, 6, 0, LayerHooks.NONE), null);
        assertThat(other.data()).isNotEqualTo(y.data());
    }
}
