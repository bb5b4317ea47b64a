package org.undervolt.nn.quant;

import org.undervolt.nn.kernel.Im2col;

/** Max pooling of int8 feature maps (the scale is shared, so the int8 maximum is the real one). */
public final class Int8MaxPool implements Int8Op {
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

    @Override
    public Int8MaxPool copy() {
        return this;
    }
}
