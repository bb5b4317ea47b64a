package org.undervolt.nn.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;
import org.undervolt.nn.kernel.PoolGrid;

/** Max pooling of int8 feature maps (the scale is shared, so the int8 maximum is the real one). */
public final class Int8MaxPool extends NamedInt8Op {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
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
        int size = grid.planeSize();
        int outs = grid.outputs();
        byte[] xd = x.data();
        byte[] y = new byte[grid.planes() * outs];
        if (k == 2 && stride == 2) {
            pool2x2(xd, grid, y);
            return new QTensor(grid.outputShape(), y, x.scale());
        }
        int[][] maps = grid.windowOffsets(k, stride);
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

    /**
     * The 2×2, stride-2 window (LeNet-5's): the two input rows' element-wise maximum, a vector at a time, then the
     * maximum of each adjacent pair. The same maxima as the general loop.
     */
    private static void pool2x2(byte[] x, PoolGrid grid, byte[] y) {
        int w = grid.w();
        int ow = grid.ow();
        byte[] rows = new byte[2 * ow];
        int span = BYTES.loopBound(2 * ow);
        int o = 0;
        for (int p = 0; p < grid.planes(); p++) {
            for (int oy = 0; oy < grid.oh(); oy++) {
                int top = p * grid.planeSize() + 2 * oy * w;
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
