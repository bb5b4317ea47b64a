package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.tensor.Tensor;

/**
 * Max pooling over {@code k × k} windows with the given stride, no padding; the gradient goes to
 * the first maximum of each window (row-major), as in PyTorch.
 */
public final class MaxPool2d implements Layer {
    private final String name;
    private final int k;
    private final int stride;
    private int[] cachedShape;
    private int[] cachedArgmax;

    public MaxPool2d(String name, int k, int stride) {
        if (k <= 0 || stride <= 0) {
            throw new IllegalArgumentException(name + ": kernel and stride must be positive");
        }
        this.name = name;
        this.k = k;
        this.stride = stride;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "maxpool2d";
    }

    @Override
    public int[] config() {
        return new int[] {k, stride};
    }

    @Override
    public int[] outputShape(int[] s) {
        return Pooling.outputShape(name, s, k, stride);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int batch = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = Im2col.outSize(h, k, stride, 0);
        int ow = Im2col.outSize(w, k, stride, 0);
        float[] xd = x.data();
        float[] y = new float[batch * c * oh * ow];
        int[] arg = ctx.training() ? new int[y.length] : null;
        Parallel.forEach(batch, b -> {
            for (int ch = 0; ch < c; ch++) {
                int plane = (b * c + ch) * h * w;
                int o = (b * c + ch) * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        int best = plane + oy * stride * w + ox * stride;
                        float max = xd[best];
                        for (int i = 0; i < k; i++) {
                            int row = plane + (oy * stride + i) * w + ox * stride;
                            for (int j = 0; j < k; j++) {
                                float v = xd[row + j];
                                if (v > max || Float.isNaN(v) && !Float.isNaN(max)) {
                                    max = v;
                                    best = row + j;
                                }
                            }
                        }
                        y[o] = max;
                        if (arg != null) {
                            arg[o] = best;
                        }
                    }
                }
            }
        });
        if (ctx.training()) {
            cachedShape = x.shape();
            cachedArgmax = arg;
        }
        return new Tensor(new int[] {batch, c, oh, ow}, y);
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
        return new MaxPool2d(name, k, stride);
    }
}
