package org.undervolt.nn.layer;

import java.util.Arrays;
import java.util.Objects;

import org.undervolt.nn.tensor.Tensor;

/**
 * A named learned tensor of a layer: its values and, while training, its gradient.
 *
 * <p>{@link #data()} and {@link #grad()} are the live arrays: a caller may overwrite the values
 * (e.g. with decoded faulty weights) and the next forward pass uses them. Names are
 * {@code layer.role}, e.g. {@code "dense1.weight"}; shapes follow PyTorch, e.g. a dense weight is
 * {@code [out, in]}.
 */
public final class Parameter {
    private final String name;
    private final ParameterKind kind;
    private final int[] shape;
    private final float[] data;
    private final float[] grad;

    public Parameter(String name, ParameterKind kind, int... shape) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.shape = shape.clone();
        int n = Math.toIntExact(Tensor.size(shape));
        this.data = new float[n];
        this.grad = new float[n];
    }

    /** Full name, e.g. {@code "dense1.weight"}. */
    public String name() {
        return name;
    }

    public ParameterKind kind() {
        return kind;
    }

    /** Shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The values (live array). */
    public float[] data() {
        return data;
    }

    /** The accumulated gradient (live array); zeroed by the trainer before each step. */
    public float[] grad() {
        return grad;
    }

    /** Whether gradient steps update this parameter. */
    public boolean trainable() {
        return kind != ParameterKind.STATISTIC;
    }

    /** A copy with the same name, shape and values and a zero gradient. */
    public Parameter copy() {
        Parameter p = new Parameter(name, kind, shape);
        System.arraycopy(data, 0, p.data, 0, data.length);
        return p;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + kind;
    }
}
