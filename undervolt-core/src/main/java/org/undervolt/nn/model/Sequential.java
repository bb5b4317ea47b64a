package org.undervolt.nn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.random.Seeds;

/**
 * A network that applies its layers in order; the model type the trainer, evaluator and
 * checkpoints work with.
 *
 * <p>{@link #parameters()} lists every learned tensor by name ({@code "dense1.weight"}, ...) with
 * live arrays, so a caller can quantise them, flip bits in the stored bytes and write the decoded
 * values into a {@link #copy()} before evaluating it.
 */
public final class Sequential {
    private final int[] inputShape;
    private final List<Layer> layers;
    private final int[] outputShape;

    /**
     * @param inputShape per-item input shape, e.g. {@code [784]} or {@code [1, 28, 28]}
     * @param layers     the layers, in order; names must be unique
     */
    public Sequential(int[] inputShape, List<Layer> layers) {
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        Set<String> names = new HashSet<>();
        int[] shape = this.inputShape;
        for (Layer l : this.layers) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("duplicate layer name " + l.name());
            }
            shape = l.outputShape(shape);
        }
        this.outputShape = shape;
        Set<String> params = new HashSet<>();
        for (Parameter p : parameters()) {
            if (!params.add(p.name())) {
                throw new IllegalArgumentException("duplicate parameter name " + p.name());
            }
        }
    }

    /** Per-item input shape (a copy). */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Per-item output shape (a copy). */
    public int[] outputShape() {
        return outputShape.clone();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** All learned tensors, layer by layer, live. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) {
            ps.addAll(l.parameters());
        }
        return ps;
    }

    /** The parameter with this name; IllegalArgumentException if none. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    /** Number of learned values. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** Draws all parameters: layer {@code i} from the stream {@code (seed, i)}. */
    public void initialize(long seed) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialize(Seeds.stream(seed, i));
        }
    }

    /** A deep copy with the same parameter values. */
    public Sequential copy() {
        List<Layer> copies = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            copies.add(l.copy());
        }
        return new Sequential(inputShape, copies);
    }

    /** Inference on a batch {@code [batch, inputShape...]}; thread-safe. */
    public Tensor infer(Tensor x) {
        return forward(x, ForwardContext.inference(0));
    }

    /** Inference or training forward pass with the context's hooks applied at every layer. */
    public Tensor forward(Tensor x, ForwardContext ctx) {
        Tensor h = asInput(x);
        LayerHooks hooks = ctx.hooks();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            HookSite site = ctx.site(i, l);
            h = hooks.input(site, h);
            h = l.forward(h, ctx, site);
            h = hooks.output(site, h);
        }
        return h;
    }

    /** Back-propagates the loss gradient of the last training forward pass; accumulates parameter gradients. */
    public Tensor backward(Tensor gradOut) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * {@link #backward} without the gradient with respect to the network's input, which training
     * does not need: the same parameter gradients, bit for bit, with the first layer's input
     * gradient skipped.
     */
    public void backwardParameters(Tensor gradOut) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i > 0; i--) {
            g = layers.get(i).backward(g);
        }
        if (!layers.isEmpty()) {
            layers.get(0).backwardParametersOnly(g);
        }
    }

    /** Zeroes every parameter gradient. */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            Arrays.fill(p.grad(), 0f);
        }
    }

    /** {@code x} viewed as {@code [batch, inputShape...]}; its items must have the right size. */
    private Tensor asInput(Tensor x) {
        if (x.itemSize() != Tensor.size(inputShape)) {
            throw new IllegalArgumentException("input " + x + " does not match per-item shape "
                    + Arrays.toString(inputShape));
        }
        int[] shape = new int[inputShape.length + 1];
        shape[0] = x.dim(0);
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return Arrays.equals(shape, x.shape()) ? x : x.reshape(shape);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential").append(Arrays.toString(inputShape));
        for (Layer l : layers) {
            sb.append(" -> ").append(l.name());
        }
        return sb.toString();
    }
}
