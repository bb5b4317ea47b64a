package org.undervolt.nn.layer;

import java.util.List;
import java.util.SplittableRandom;

import org.undervolt.nn.tensor.Tensor;

/**
 * One step of a network: a differentiable function of a batch, with optional parameters.
 *
 * <p>Shapes exclude the batch dimension: {@link #outputShape} maps the per-item input shape
 * (e.g. {@code [1, 28, 28]}) to the per-item output shape. A layer is described for checkpoints by
 * {@link #type()} and {@link #config()} (see {@code org.undervolt.nn.io.LayerRegistry}).
 */
public interface Layer {

    /** Unique name within the model, e.g. {@code "dense1"}; prefixes parameter names. */
    String name();

    /** Type tag for checkpoints, e.g. {@code "dense"}. */
    String type();

    /** Integers that, with the type and name, rebuild this layer (without its parameter values). */
    int[] config();

    /** Per-item output shape for a per-item input shape; throws IllegalArgumentException if incompatible. */
    int[] outputShape(int[] inputShape);

    /** Layers nested inside this one (a residual block's branches), in checkpoint order. */
    default List<Layer> children() {
        return List.of();
    }

    /** Learned tensors, in a fixed order (empty for parameter-free layers). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Draws initial parameter values. */
    default void initialize(SplittableRandom rng) {
    }

    /**
     * Runs the layer on a batch. In inference mode it must not modify the layer (thread-safe);
     * in training mode it caches what {@link #backward} needs.
     *
     * @param site identifies the layer and batch for weight substitution ({@link LayerHooks#weights})
     */
    Tensor forward(Tensor x, ForwardContext ctx, HookSite site);

    /**
     * Given the loss gradient with respect to the output of the last training forward pass, adds
     * the parameter gradients to {@link Parameter#grad()} and returns the gradient with respect to the input.
     */
    Tensor backward(Tensor gradOut);

    /**
     * {@link #backward} for a layer whose input gradient nobody needs (the first layer of a
     * network): adds the same parameter gradients, bit for bit, and may skip the input gradient.
     */
    default void backwardParametersOnly(Tensor gradOut) {
        backward(gradOut);
    }

    /** A deep copy (same name, config and parameter values; no cached state). */
    Layer copy();
}
