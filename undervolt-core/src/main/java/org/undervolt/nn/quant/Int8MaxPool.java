package org.undervolt.nn.quant;

import org.undervolt.nn.kernel.PoolGrid;

/** Max pooling of int8 feature maps (the scale is shared, so the int8 maximum is the real one). */
public final class Int8MaxPool extends NamedInt8Op {
    private final int k;
    private final int stride;

    Int8MaxPool(String name, int k, int stride) {
        super(name);
        this.k = k;
        this.stride = stride;
    }

    @Override
    public QTensor forward(QTensor x) {
        PoolGrid grid = PoolGrid.of(x.shape(), k, stride);
        int[][] maps = grid.windowOffsets(k, stride);
        int size = grid.planeSize();
        int outs = grid.outputs();
        byte[] xd = x.data();
        byte[] y = new byte[grid.planes() * outs];
        for (int p = 0; p < grid.planes(); p++) {
            for (int o = 0; o < outs; o++) {
                int max = Byte.MIN_VALUE;
                for (int[] m : maps) {
                    max = Math.max(max, xd[p * size + m[o]]);
                }
                y[p * outs + o] = (byte) max;
            }
        }
        return new QTensor(grid.outputShape(), y, x.scale());
    }

    @Override
    public Int8MaxPool copy() {
        return this;
    }
}
