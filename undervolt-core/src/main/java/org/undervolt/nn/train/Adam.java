package org.undervolt.nn.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;

/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1) with bias correction and optional L2 weight decay
 * added to the gradient of weights (PyTorch's {@code Adam(weight_decay=…)}):
 * {@code m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  w -= lr·m̂ / (√v̂ + ε)}.
 */
public final class Adam extends StepCountingOptimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();

    /** The paper's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam(float weightDecay) {
        this(0.9f, 0.999f, 1e-8f, weightDecay);
    }

    public Adam(float beta1, float beta2, float eps, float weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0 && weightDecay >= 0)) {
            throw new IllegalArgumentException("need 0 <= beta1, beta2 < 1, eps > 0, weightDecay >= 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters, float lr) {
        long t = countStep();
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        float stepSize = (float) (lr / c1);
        float sqrtC2 = (float) Math.sqrt(c2);
        for (Parameter p : parameters) {
            if (!p.trainable()) {
                continue;
            }
            float[][] s = state.computeIfAbsent(p, q -> new float[][] {new float[q.size()], new float[q.size()]});
            float[] m = s[0];
            float[] v = s[1];
            float[] w = p.data();
            float[] g = p.grad();
            float wd = p.kind() == ParameterKind.WEIGHT ? weightDecay : 0f;
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + wd * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / sqrtC2 + eps);
            }
        }
    }

    /** First and second moments of each trainable parameter, in that order. */
    @Override
    public List<float[]> state(List<Parameter> parameters) {
        List<float[]> out = new java.util.ArrayList<>();
        for (Parameter p : parameters) {
            if (p.trainable()) {
                float[][] s = state.computeIfAbsent(p, q -> new float[][] {new float[q.size()], new float[q.size()]});
                out.add(s[0]);
                out.add(s[1]);
            }
        }
        return out;
    }
}
