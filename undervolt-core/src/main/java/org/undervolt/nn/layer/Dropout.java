package org.undervolt.nn.layer;

import java.util.SplittableRandom;

import org.undervolt.nn.tensor.Tensor;
import org.undervolt.random.Seeds;

/**
 * Inverted dropout (Srivastava et al., JMLR 2014): in training each element is zeroed with
 * probability {@code p} and the survivors scaled by {@code 1/(1−p)}; inference is the identity.
 * The mask of a step comes from {@code Seeds.stream(ctx.seed(), hash(name))}, so it depends on the
 * seed, the step and the layer, never on threads. Its {@link #config()} is {@code [Float.floatToIntBits(p)]}.
 */
public final class Dropout extends NamedLayer {
    private final float p;
    private float[] cachedMask;

    public Dropout(String name, float p) {
        super(name, "dropout", Float.floatToIntBits(p));
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(name + ": dropout probability must be in [0, 1): " + p);
        }
        this.p = p;
    }

    public float probability() {
        return p;
    }

    @Override
    public int[] outputShape(int[] s) {
        return s.clone();
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        if (!ctx.training() || p == 0f) {
            cachedMask = null;
            return x;
        }
        SplittableRandom rng = Seeds.stream(ctx.seed(), name().hashCode());
        float scale = 1f / (1f - p);
        float[] xd = x.data();
        float[] mask = new float[xd.length];
        float[] y = new float[xd.length];
        for (int i = 0; i < xd.length; i++) {
            mask[i] = rng.nextDouble() < p ? 0f : scale;
            y[i] = xd[i] * mask[i];
        }
        cachedMask = mask;
        return new Tensor(x.shape(), y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (cachedMask == null) {
            return gradOut;
        }
        float[] g = gradOut.data();
        float[] dx = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * cachedMask[i];
        }
        return new Tensor(gradOut.shape(), dx);
    }

    @Override
    public Dropout copy() {
        return new Dropout(name(), p);
    }
}
