package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.kernel.Pool;
import org.undervolt.nn.kernel.PoolGrid;
import org.undervolt.nn.tensor.Tensor;

/**
 * Max pooling over {@code k × k} windows with the given stride, no padding. The maximum follows
 * {@link Math#max} (a NaN in the window gives NaN, as in PyTorch); the gradient goes to the first
 * maximal element of each window (row-major).
 */
public final class MaxPool2d extends WindowPool {
    /** Plane groups per parallel task (each output is computed independently, so this only sets granularity). */
    private static final int GROUPS_PER_TASK = 16;
    private int[] cachedShape;
    private int[] cachedArgmax;

    public MaxPool2d(String name, int k, int stride) {
        super(name, "maxpool2d", k, stride);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        PoolGrid grid = PoolGrid.of(x.shape(), k, stride);
        int size = grid.planeSize();
        int outs = grid.outputs();
        int planes = grid.planes();
        float[] xd = x.data();
        float[] y = new float[planes * outs];
        if (k == 2 && stride == 2 && !ctx.training()) {
            // inference over 2 x 2 windows (LeNet-5's): indexed directly, no gathers and no argmax
            int tasks = Math.min(planes, Parallel.threads() * 4);
            Parallel.forEach(tasks, t -> {
                int from = (int) ((long) planes * t / tasks);
                int to = (int) ((long) planes * (t + 1) / tasks);
                Pool.maxPlanes2x2(xd, from * size, to - from, grid.h(), grid.w(), y, from * outs);
            });
            return new Tensor(grid.outputShape(), y);
        }
        int[] arg = ctx.training() ? new int[y.length] : null;
        int[][] maps = grid.windowOffsets(k, stride);
        // groups of planes whose outputs fill whole vectors; the last planes go one by one
        int group = Pool.planesPerGroup(outs);
        int[][] groupMaps = Pool.groupOffsets(maps, group, size);
        int groups = planes / group;
        int tasks = (groups + GROUPS_PER_TASK - 1) / GROUPS_PER_TASK + 1;
        Parallel.forEach(tasks, t -> {
            if (t == tasks - 1) {
                for (int p = groups * group; p < planes; p++) {
                    pool(xd, p * size, maps, outs, y, p * outs, arg);
                }
                return;
            }
            for (int gi = t * GROUPS_PER_TASK, end = Math.min(groups, gi + GROUPS_PER_TASK); gi < end; gi++) {
                pool(xd, gi * group * size, groupMaps, group * outs, y, gi * group * outs, arg);
            }
        });
        if (ctx.training()) {
            cachedShape = x.shape();
            cachedArgmax = arg;
        }
        return new Tensor(grid.outputShape(), y);
    }

    private static void pool(float[] x, int xOff, int[][] maps, int outs, float[] y, int yOff, int[] arg) {
        Pool.maxPlane(x, xOff, maps, outs, y, yOff);
        if (arg != null) {
            Pool.argmaxPlane(x, xOff, maps, outs, y, yOff, arg, yOff);
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        float[] g = gradOut.data();
        float[] dx = new float[(int) Tensor.size(cachedShape)];
        for (int o = 0; o < g.length; o++) {
            dx[cachedArgmax[o]] += g[o];
        }
        return new Tensor(cachedShape, dx);
    }

    @Override
    public MaxPool2d copy() {
        return new MaxPool2d(name(), k, stride);
    }
}
