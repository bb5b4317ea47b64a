package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Int8MaxPoolTest {

    @ParameterizedTest
    @CsvSource({"2,2,3,28,28", "2,2,1,5,7", "2,2,2,64,66", "3,2,2,9,9", "2,1,1,6,5", "3,3,2,10,12"})
    void everyOutputIsItsWindowsMaximum(int k, int stride, int planes, int h, int w) {
        SplittableRandom r = new SplittableRandom(k * 31L + stride * 7L + h * w);
        byte[] x = new byte[2 * planes * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (r.nextInt(256) - 128);
        }
        QTensor y = new Int8MaxPool("pool", k, stride).forward(new QTensor(new int[] {2, planes, h, w}, x, 0.5f));
        int oh = (h - k) / stride + 1;
        int ow = (w - k) / stride + 1;
        assertThat(y.shape()).containsExactly(2, planes, oh, ow);
        assertThat(y.scale()).isEqualTo(0.5f);
        int o = 0;
        for (int p = 0; p < 2 * planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int max = Byte.MIN_VALUE;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            max = Math.max(max, x[p * h * w + (oy * stride + i) * w + ox * stride + j]);
                        }
                    }
                    assertThat(y.data()[o++]).as("plane %d (%d,%d)", p, oy, ox).isEqualTo((byte) max);
                }
            }
        }
    }
}
