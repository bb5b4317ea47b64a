package org.undervolt.nn.layer;

import org.undervolt.nn.kernel.Matmul;
import org.undervolt.nn.tensor.Tensor;

/**
 * Fully connected layer {@code y = x · Wᵀ + b} with {@code W} of shape {@code [out, in]} (PyTorch's
 * layout) and {@code b} of shape {@code [out]}. Any per-item input shape of {@code in} elements is
 * accepted (it is read flat).
 *
 * <p>Initialisation: He/Kaiming normal, {@code W ~ N(0, 2/in)}, for ReLU networks (He et al.,
 * "Delving deep into rectifiers", ICCV 2015, eq. 10); biases zero.
 */
public final class Dense extends WeightedLayer {
    private final int in;
    private final int out;
    private Tensor cachedInput;
    private float[] cachedWeights;

    public Dense(String name, int in, int out) {
        super(name, "dense", new int[] {in, out}, weightShape(in, out));
        this.in = in;
        this.out = out;
    }

    private static int[] weightShape(int in, int out) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("dense sizes must be positive: " + in + " -> " + out);
        }
        return new int[] {out, in};
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        long n = Tensor.size(inputShape);
        if (n != in) {
            throw new IllegalArgumentException(name() + ": expects " + in + " inputs per item, got " + n);
        }
        return new int[] {out};
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int batch = x.dim(0);
        if (x.itemSize() != in) {
            throw new IllegalArgumentException(name() + ": expects " + in + " inputs per item, got " + x.itemSize());
        }
        float[] w = ctx.hooks().weights(site, weight);
        float[] b = ctx.hooks().weights(site, bias);
        float[] y = new float[batch * out];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, y, r * out, out);
        }
        Matmul.multiplyBt(x.data(), 0, w, 0, y, 0, batch, out, in, true);
        if (ctx.training()) {
            cachedInput = x;
            cachedWeights = w;
        }
        return new Tensor(new int[] {batch, out}, y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        addParameterGradients(gradOut);
        float[] gx = new float[cachedInput.dim(0) * in];
        Matmul.multiply(gradOut.data(), 0, cachedWeights, 0, gx, 0, cachedInput.dim(0), in, out, false);
        return new Tensor(cachedInput.shape(), gx);
    }

    @Override
    public void backwardParametersOnly(Tensor gradOut) {
        addParameterGradients(gradOut);
    }

    private void addParameterGradients(Tensor gradOut) {
        Tensor x = cachedInput;
        int batch = x.dim(0);
        float[] g = gradOut.data();
        Matmul.multiplyAt(g, 0, x.data(), 0, weight.grad(), 0, out, in, batch, true);
        float[] gb = bias.grad();
        for (int r = 0; r < batch; r++) {
            int off = r * out;
            for (int o = 0; o < out; o++) {
                gb[o] += g[off + o];
            }
        }
    }

    @Override
    public Dense copy() {
        return withValuesOf(new Dense(name(), in, out));
    }
}
