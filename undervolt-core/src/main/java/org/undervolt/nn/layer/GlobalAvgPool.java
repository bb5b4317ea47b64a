package org.undervolt.nn.layer;

import java.util.Arrays;

import org.undervolt.nn.tensor.Tensor;

/** Mean over each channel's spatial positions: {@code [batch, C, H, W] -> [batch, C]} (ResNet's head). */
public final class GlobalAvgPool extends NamedLayer {
    private int[] cachedShape;

    public GlobalAvgPool(String name) {
        super(name, "globalavgpool");
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException(name() + ": expects [C, H, W], got " + Arrays.toString(s));
        }
        return new int[] {s[0]};
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int rows = x.dim(0) * x.dim(1);
        int plane = x.dim(2) * x.dim(3);
        float[] xd = x.data();
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            float s = 0f;
            for (int p = r * plane, end = p + plane; p < end; p++) {
                s += xd[p];
            }
            y[r] = s / plane;
        }
        if (ctx.training()) {
            cachedShape = x.shape();
        }
        return new Tensor(new int[] {x.dim(0), x.dim(1)}, y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int plane = cachedShape[2] * cachedShape[3];
        float[] g = gradOut.data();
        float[] dx = new float[g.length * plane];
        for (int r = 0; r < g.length; r++) {
            Arrays.fill(dx, r * plane, (r + 1) * plane, g[r] / plane);
        }
        return new Tensor(cachedShape, dx);
    }

    @Override
    public GlobalAvgPool copy() {
        return new GlobalAvgPool(name());
    }
}
