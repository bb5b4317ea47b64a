package org.undervolt.nn.layer;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer with a weight tensor whose first dimension counts the outputs and one bias per output
 * (dense, convolution): the parameters {@code <name>.weight} and {@code <name>.bias}, their
 * initialisation and the copy of their values.
 *
 * <p>Initialisation: He/Kaiming normal, {@code W ~ N(0, 2/fanIn)} with the fan-in of one output (the
 * weight's size over the output count), for ReLU networks (He et al., "Delving deep into
 * rectifiers", ICCV 2015, eq. 10); biases zero.
 */
abstract class WeightedLayer extends NamedLayer {
    final Parameter weight;
    final Parameter bias;

    /** {@code weightShape[0]} is the number of outputs; the caller has checked every size is positive. */
    WeightedLayer(String name, String type, int[] config, int[] weightShape) {
        super(name, type, config);
        this.weight = new Parameter(name + ".weight", ParameterKind.WEIGHT, weightShape);
        this.bias = new Parameter(name + ".bias", ParameterKind.BIAS, weightShape[0]);
    }

    public final Parameter weight() {
        return weight;
    }

    public final Parameter bias() {
        return bias;
    }

    @Override
    public final List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public final void initialize(SplittableRandom rng) {
        int fanIn = weight.size() / bias.size();
        double std = Math.sqrt(2.0 / fanIn);
        float[] w = weight.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (Gaussian.next(rng) * std);
        }
        Arrays.fill(bias.data(), 0f);
    }

    /** {@code copy}, a fresh layer of the same configuration, given this layer's parameter values. */
    final <T extends WeightedLayer> T withValuesOf(T copy) {
        System.arraycopy(weight.data(), 0, copy.weight.data(), 0, weight.size());
        System.arraycopy(bias.data(), 0, copy.bias.data(), 0, bias.size());
        return copy;
    }
}
