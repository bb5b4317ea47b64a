package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Elementwise;
import org.undervolt.nn.tensor.Tensor;

/**
 * Rectified linear unit {@code y = max(x, 0)}, element-wise, with {@link Math#max} semantics:
 * a NaN input stays NaN (as in PyTorch), so a corrupted feature map is not silently cleaned.
 *
 * <p>Optionally capped: {@code y = min(max(x, 0), cap)} (as ReLU6 with another bound, ONNX {@code Clip}), the
 * gradient zero where the output sits at the cap. Curricular retraining caps the ReLUs whose outputs are
 * stored in approximate DRAM (see {@code resilience.ReluCaps}): an IFM's storage range is then the cap,
 * not the largest activation ever seen, and a flipped high bit moves a value by a fraction of the cap.
 * Checkpoint type {@code relu} (no cap) or {@code relucap} (config {@code [Float.floatToIntBits(cap)]}).
 */
public final class Relu extends OutputCachingLayer {
    private final float cap;

    public Relu(String name) {
        super(name, "relu");
        this.cap = Float.POSITIVE_INFINITY;
    }

    /** A ReLU whose output is capped at {@code cap} (positive and finite). */
    public Relu(String name, float cap) {
        super(name, "relucap", Float.floatToIntBits(checked(cap)));
        this.cap = cap;
    }

    private static float checked(float cap) {
        if (!(cap > 0) || Float.isInfinite(cap)) {
            throw new IllegalArgumentException("ReLU cap must be positive and finite, got " + cap);
        }
        return cap;
    }

    /** The cap, or positive infinity for a plain ReLU. */
    public float cap() {
        return cap;
    }

    @Override
    void apply(Tensor x, float[] y) {
        Elementwise.relu(x.data(), y);
        if (cap < Float.POSITIVE_INFINITY) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] > cap) {
                    y[i] = cap;
                }
            }
        }
    }

    @Override
    void applyBackward(Tensor y, float[] g, float[] gx) {
        Elementwise.reluBackward(y.data(), g, gx);
        if (cap < Float.POSITIVE_INFINITY) {
            float[] out = y.data();
            for (int i = 0; i < out.length; i++) {
                if (out[i] >= cap) {
                    gx[i] = 0f;
                }
            }
        }
    }

    @Override
    public Relu copy() {
        return cap < Float.POSITIVE_INFINITY ? new Relu(name(), cap) : new Relu(name());
    }
}
