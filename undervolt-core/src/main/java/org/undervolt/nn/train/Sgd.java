package org.undervolt.nn.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, in PyTorch's formulation:
 * {@code g = grad + wd·w;  v = μ·v + g;  w -= lr·v}. Weight decay applies to weights only, not to
 * biases or batch-norm parameters.
 */
public final class Sgd extends StepCountingOptimizer {
    private final float momentum;
    private final float weightDecay;
    private final Map<Parameter, float[]> velocity = new IdentityHashMap<>();

    public Sgd(float momentum, float weightDecay) {
        if (momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("need 0 <= momentum < 1 and weightDecay >= 0");
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters, float lr) {
        countStep();
        for (Parameter p : parameters) {
            if (!p.trainable()) {
                continue;
            }
            float[] w = p.data();
            float[] g = p.grad();
            float wd = p.kind() == ParameterKind.WEIGHT ? weightDecay : 0f;
            if (momentum == 0f) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * (g[i] + wd * w[i]);
                }
                continue;
            }
            float[] v = velocity.computeIfAbsent(p, q -> new float[q.size()]);
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + wd * w[i];
                v[i] = momentum * v[i] + gi;
                w[i] -= lr * v[i];
            }
        }
    }

    /** The momentum buffers of the trainable parameters (none without momentum). */
    @Override
    public List<float[]> state(List<Parameter> parameters) {
        List<float[]> out = new java.util.ArrayList<>();
        if (momentum != 0f) {
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    out.add(velocity.computeIfAbsent(p, q -> new float[q.size()]));
                }
            }
        }
        return out;
    }
}
