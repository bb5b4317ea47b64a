package org.undervolt.nn.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;
import org.undervolt.nn.kernel.Im2col;

/** Max pooling of int8 feature maps (the scale is shared, so the int8 maximum is the real one). */
public final class Int8MaxPool implements Int8Op {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
    private final String name;
    private final int k;
    private final int stride;

    Int8MaxPool(String name, int k, int stride) {
        this.name = name;
        this.k = k;
        this.stride = stride;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public QTensor forward(QTensor x) {
        int planes = x.shape()[0] * x.shape()[1];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int oh = Im2col.outSize(h, k, stride, 0);
        int ow = Im2col.outSize(w, k, stride, 0);
        byte[] xd = x.data();
        byte[] y = new byte[planes * oh * ow];
        if (k == 2 && stride == 2) {
            pool2x2(xd, planes, h, w, oh, ow, y);
            return new QTensor(new int[] {x.shape()[0], x.shape()[1], oh, ow}, y, x.scale());
        }
        int o = 0;
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int base = p * h * w + oy * stride * w + ox * stride;
                    int max = Byte.MIN_VALUE;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            max = Math.max(max, xd[base + i * w + j]);
                        }
                    }
                    y[o++] = (byte) max;
                }
            }
        }
        return new QTensor(new int[] {x.shape()[0], x.shape()[1], oh, ow}, y, x.scale());
    }

    /**
     * The 2×2, stride-2 window (LeNet-5's): the two input rows' element-wise maximum, a vector at a time, then the
     * maximum of each adjacent pair. The same maxima as the general loop.
     */
    private static void pool2x2(byte[] x, int planes, int h, int w, int oh, int ow, byte[] y) {
        byte[] rows = new byte[2 * ow];
        int span = BYTES.loopBound(2 * ow);
        int o = 0;
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                int top = p * h * w + 2 * oy * w;
                int bottom = top + w;
                int i = 0;
                for (; i < span; i += BYTES.length()) {
                    ByteVector.fromArray(BYTES, x, top + i).max(ByteVector.fromArray(BYTES, x, bottom + i))
                            .intoArray(rows, i);
                }
                for (; i < 2 * ow; i++) {
                    rows[i] = (byte) Math.max(x[top + i], x[bottom + i]);
                }
                for (int ox = 0; ox < ow; ox++) {
                    y[o++] = (byte) Math.max(rows[2 * ox], rows[2 * ox + 1]);
                }
            }
        }
    }

    @Override
    public Int8MaxPool copy() {
        return this;
    }
}
