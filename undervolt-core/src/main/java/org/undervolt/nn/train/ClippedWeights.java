package org.undervolt.nn.train;

import java.util.List;
import java.util.Map;

import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;

/**
 * An optimizer whose every step is followed by clipping each weight tensor to {@code [-b, b]}, with
 * {@code b} that tensor's own bound; biases and tensors without a bound are left alone. Used by RandBET
 * (Stutz et al., MLSys 2021: one bound for every layer) and by curricular retraining (a bound per tensor
 * from its starting spread, so that an integer format's per-tensor scale, and with it the size of a
 * flipped high bit, cannot grow while the network learns).
 */
public final class ClippedWeights implements Optimizer {
    private final Optimizer inner;
    private final Map<String, Float> bounds;

    /**
     * @param inner  the optimizer that computes the step
     * @param bounds weight parameter name to its bound ({@code > 0})
     */
    public ClippedWeights(Optimizer inner, Map<String, Float> bounds) {
        for (var e : bounds.entrySet()) {
            if (!(e.getValue() > 0) || Float.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("clipping bound of " + e.getKey() + " must be positive: " + e.getValue());
            }
        }
        this.inner = inner;
        this.bounds = Map.copyOf(bounds);
    }

    /** The bound of every weight parameter of {@code parameters}: the same {@code bound} for all. */
    public static Map<String, Float> uniform(List<Parameter> parameters, float bound) {
        Map<String, Float> m = new java.util.LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (p.kind() == ParameterKind.WEIGHT && p.trainable()) {
                m.put(p.name(), bound);
            }
        }
        return m;
    }

    @Override
    public void step(List<Parameter> parameters, float lr) {
        inner.step(parameters, lr);
        for (Parameter p : parameters) {
            Float b = p.kind() == ParameterKind.WEIGHT ? bounds.get(p.name()) : null;
            if (b == null) {
                continue;
            }
            float bound = b;
            float[] w = p.data();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(-bound, Math.min(bound, w[i]));
            }
        }
    }

    @Override
    public List<float[]> state(List<Parameter> parameters) {
        return inner.state(parameters);
    }

    @Override
    public long steps() {
        return inner.steps();
    }

    @Override
    public void restoreSteps(long steps) {
        inner.restoreSteps(steps);
    }
}
