package org.undervolt.nn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.tensor.Tensor;

/**
 * Finite-difference check of a layer's backward pass: with the scalar loss
 * {@code L = Σ r ⊙ layer(x)} for a fixed random {@code r}, compares the analytical gradients with
 * respect to the input and every parameter against central differences
 * {@code (L(θ+ε) − L(θ−ε)) / 2ε} on a sample of coordinates.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** Runs the check; {@code x} must keep away from the layer's kinks (ReLU at 0, pooling ties). */
    public static void check(Layer layer, Tensor x, long seed, double eps, double tol) {
        ForwardContext train = new ForwardContext(true, seed, 7, LayerHooks.NONE);
        Tensor y = layer.forward(x, train, train.site(0, layer));
        SplittableRandom rng = new SplittableRandom(seed);
        float[] r = new float[y.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (Parameter p : layer.parameters()) {
            java.util.Arrays.fill(p.grad(), 0f);
        }
        Tensor gx = layer.backward(new Tensor(y.shape(), r.clone()));
        assertThat(gx.shape()).containsExactly(x.shape());
        compare("input", x.data(), gx.data(), layer, x, r, train, rng, eps, tol);
        for (Parameter p : layer.parameters()) {
            if (p.trainable()) {
                compare(p.name(), p.data(), p.grad().clone(), layer, x, r, train, rng, eps, tol);
            }
        }
    }

    private static void compare(String what, float[] values, float[] analytic, Layer layer, Tensor x, float[] r,
                                ForwardContext ctx, SplittableRandom rng, double eps, double tol) {
        int samples = Math.min(values.length, 40);
        for (int s = 0; s < samples; s++) {
            int i = values.length <= 40 ? s : rng.nextInt(values.length);
            float orig = values[i];
            values[i] = (float) (orig + eps);
            double plus = loss(layer, x, r, ctx);
            values[i] = (float) (orig - eps);
            double minus = loss(layer, x, r, ctx);
            values[i] = orig;
            double numeric = (plus - minus) / (2 * eps);
            double err = Math.abs(numeric - analytic[i]) / Math.max(1.0, Math.abs(numeric) + Math.abs(analytic[i]));
            assertThat(err).as("%s of %s at %d: numeric %s analytic %s", what, layer.name(), i, numeric, analytic[i])
                    .isLessThan(tol);
        }
    }

    private static double loss(Layer layer, Tensor x, float[] r, ForwardContext ctx) {
        Tensor y = layer.forward(x, ctx, ctx.site(0, layer));
        double l = 0;
        float[] v = y.data();
        for (int i = 0; i < v.length; i++) {
            l += (double) r[i] * v[i];
        }
        return l;
    }

    /** A random tensor with entries in {@code ±[0.1, 1]} (away from 0, where ReLU has its kink). */
    public static Tensor input(long seed, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double m = 0.1 + 0.9 * rng.nextDouble();
            d[i] = (float) (rng.nextBoolean() ? m : -m);
        }
        return t;
    }
}
