package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.PoolGrid;
import org.undervolt.nn.tensor.Tensor;

/** Average pooling over {@code k × k} windows with the given stride, no padding. */
public final class AvgPool2d extends WindowPool {
    private int[] cachedShape;

    public AvgPool2d(String name, int k, int stride) {
        super(name, "avgpool2d", k, stride);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        PoolGrid grid = PoolGrid.of(x.shape(), k, stride);
        float[] y = new float[grid.planes() * grid.outputs()];
        sweep(grid, x.data(), y, false);
        if (ctx.training()) {
            cachedShape = x.shape();
        }
        return new Tensor(grid.outputShape(), y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        PoolGrid grid = PoolGrid.of(cachedShape, k, stride);
        float[] dx = new float[grid.planes() * grid.planeSize()];
        sweep(grid, gradOut.data(), dx, true);
        return new Tensor(cachedShape, dx);
    }

    /**
     * The window means of the input planes {@code from} into the outputs {@code to}, or, as the
     * adjoint, each output of {@code from} spread evenly over its window of {@code to}: an input
     * then receives its windows' shares in window order (output, then row-major window element).
     */
    private void sweep(PoolGrid grid, float[] from, float[] to, boolean adjoint) {
        int[][] maps = grid.windowOffsets(k, stride);
        int size = grid.planeSize();
        int outs = grid.outputs();
        float inv = 1f / (k * k);
        Parallel.forEach(grid.batch(), b -> {
            for (int p = b * grid.channels(); p < (b + 1) * grid.channels(); p++) {
                for (int o = 0; o < outs; o++) {
                    if (adjoint) {
                        float v = from[p * outs + o] * inv;
                        for (int[] m : maps) {
                            to[p * size + m[o]] += v;
                        }
                    } else {
                        float s = 0f;
                        for (int[] m : maps) {
                            s += from[p * size + m[o]];
                        }
                        to[p * outs + o] = s * inv;
                    }
                }
            }
        });
    }

    @Override
    public AvgPool2d copy() {
        return new AvgPool2d(name(), k, stride);
    }
}
