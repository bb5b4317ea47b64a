package org.undervolt.nn.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.undervolt.nn.kernel.Im2col;

class Int8Im2colTest {

    @ParameterizedTest
    @CsvSource({"1,28,28,5,1,2", "6,14,14,5,1,0", "2,7,8,3,2,1", "3,5,5,1,2,0", "2,9,6,4,3,2"})
    void bytesUnfoldExactlyAsTheFloatIm2col(int c, int h, int w, int k, int stride, int pad) {
        SplittableRandom r = new SplittableRandom(c * 100L + h + w + k);
        byte[] xb = new byte[2 + c * h * w];
        float[] xf = new float[xb.length];
        for (int i = 0; i < xb.length; i++) {
            xb[i] = (byte) (r.nextInt(255) - 127);
            xf[i] = xb[i];
        }
        int oh = Im2col.outSize(h, k, stride, pad);
        int ow = Im2col.outSize(w, k, stride, pad);
        byte[] cb = new byte[c * k * k * oh * ow];
        float[] cf = new float[cb.length];
        java.util.Arrays.fill(cb, (byte) 99);
        Int8Conv2d.im2col(xb, 2, c, h, w, k, stride, pad, oh, ow, cb);
        Im2col.im2col(xf, 2, c, h, w, k, k, stride, pad, cf, oh * ow, 0);
        for (int i = 0; i < cb.length; i++) {
            assertThat((float) cb[i]).as("element %d", i).isEqualTo(cf[i]);
        }
    }
}
