package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.undervolt.nn.kernel.Im2col;

class Int8Conv2dTest {

    /**
     * Every path of the convolution (stride 1 on floats, the rest on int32) against three scalar loops per output:
     * extremes of both operands included, shapes whose wide grid is not a whole number of vectors, and the largest
     * exact float chunk ({@value FloatExactInt8Gemm#EXACT_TERMS} terms) beside one past it.
     */
    @ParameterizedTest
    @CsvSource({"1,6,28,28,5,1,2,true", "6,16,14,14,5,1,0,true", "2,3,7,9,3,1,1,false", "3,5,9,6,4,2,2,true",
                "4,7,5,5,1,1,0,false", "16,2,6,6,8,1,0,true", "17,2,6,6,8,1,3,true", "2,4,8,8,3,1,1,true"})
    void everyPathEqualsTheScalarConvolution(int in, int out, int h, int w, int k, int stride, int pad, boolean relu) {
        SplittableRandom r = new SplittableRandom(in * 1000L + out * 100 + h + k + pad);
        int kk = in * k * k;
        byte[] weights = new byte[out * kk];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i % 7 == 0 ? -127 : i % 11 == 0 ? 127 : r.nextInt(255) - 127);
        }
        int[] bias = new int[out];
        for (int o = 0; o < out; o++) {
            bias[o] = r.nextInt(20001) - 10000;
        }
        Requantizer rq = new Requantizer(relu ? 1.0 / 4096 : 1.0 / 37_000, relu);
        Int8Conv2d conv = new Int8Conv2d("c", in, out, k, stride, pad, weights, bias, rq, 0.1f);
        int batch = 40;
        byte[] x = new byte[batch * in * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (i % 13 == 0 ? -128 : i % 5 == 0 ? 127 : r.nextInt(256) - 128);
        }
        QTensor first = conv.forward(new QTensor(new int[] {batch, in, h, w}, x, 0.1f));
        QTensor y = first;
        for (int repeat = 0; repeat < 300; repeat++) { // compiled code too
            y = conv.forward(new QTensor(new int[] {batch, in, h, w}, x, 0.1f));
        }
        assertThat(y.data()).isEqualTo(first.data());

        int oh = Im2col.outSize(h, k, stride, pad);
        int ow = Im2col.outSize(w, k, stride, pad);
        assertThat(y.shape()).containsExactly(batch, out, oh, ow);
        int mismatches = 0;
        int clampedOrZero = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int s = bias[o];
                        for (int c = 0; c < in; c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int yy = oy * stride - pad + i;
                                    int xx = ox * stride - pad + j;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                        s += weights[o * kk + (c * k + i) * k + j] * x[((b * in + c) * h + yy) * w + xx];
                                    }
                                }
                            }
                        }
                        int expected = rq.apply(s);
                        int got = y.data()[((b * out + o) * oh + oy) * ow + ox];
                        if (got != expected) {
                            mismatches++;
                        }
                        if (expected == 127 || expected == 0 || expected == -128) {
                            clampedOrZero++;
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isZero();
        assertThat(clampedOrZero).as("outputs at the clamps or zero").isLessThan(batch * out * oh * ow);
    }
}
