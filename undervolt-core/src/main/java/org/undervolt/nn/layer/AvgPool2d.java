package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Im2col;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.tensor.Tensor;

/** Average pooling over {@code k × k} windows with the given stride, no padding. */
public final class AvgPool2d extends WindowPool {
    private int[] cachedShape;

    public AvgPool2d(String name, int k, int stride) {
        super(name, "avgpool2d", k, stride);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int batch = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = Im2col.outSize(h, k, stride, 0);
        int ow = Im2col.outSize(w, k, stride, 0);
        float inv = 1f / (k * k);
        float[] xd = x.data();
        float[] y = new float[batch * c * oh * ow];
        Parallel.forEach(batch, b -> {
            for (int ch = 0; ch < c; ch++) {
                int plane = (b * c + ch) * h * w;
                int o = (b * c + ch) * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        float s = 0f;
                        for (int i = 0; i < k; i++) {
                            int row = plane + (oy * stride + i) * w + ox * stride;
                            for (int j = 0; j < k; j++) {
                                s += xd[row + j];
                            }
                        }
                        y[o] = s * inv;
                    }
                }
            }
        });
        if (ctx.training()) {
            cachedShape = x.shape();
        }
        return new Tensor(new int[] {batch, c, oh, ow}, y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = cachedShape[0];
        int c = cachedShape[1];
        int h = cachedShape[2];
        int w = cachedShape[3];
        int oh = gradOut.dim(2);
        int ow = gradOut.dim(3);
        float inv = 1f / (k * k);
        float[] g = gradOut.data();
        float[] dx = new float[batch * c * h * w];
        Parallel.forEach(batch, b -> {
            for (int ch = 0; ch < c; ch++) {
                int plane = (b * c + ch) * h * w;
                int o = (b * c + ch) * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        float v = g[o] * inv;
                        for (int i = 0; i < k; i++) {
                            int row = plane + (oy * stride + i) * w + ox * stride;
                            for (int j = 0; j < k; j++) {
                                dx[row + j] += v;
                            }
                        }
                    }
                }
            }
        });
        return new Tensor(cachedShape, dx);
    }

    @Override
    public AvgPool2d copy() {
        return new AvgPool2d(name(), k, stride);
    }
}
