package org.undervolt.nn.quant;

/**
 * Dense layer on the integer datapath: int8 inputs × int8 weights ({@code [out, in]}, symmetric
 * per-tensor scale) → int32 accumulators plus an int32 bias → requantised to int8 (ReLU fused), or,
 * for the last layer, kept as int32 logits.
 */
public final class Int8Dense extends Int8Weighted {
    private final int in;
    private final int out;

    /** {@code requantizer == null} marks the last layer (int32 logits). */
    Int8Dense(String name, int in, int out, byte[] weights, int[] bias, Requantizer requantizer, float outScale) {
        super(name, weights, bias, requantizer, outScale);
        this.in = in;
        this.out = out;
    }

    /** The int32 accumulators (bias included) of a batch, {@code [batch, out]}. */
    public int[] accumulate(QTensor x) {
        int batch = x.shape()[0];
        if (x.itemSize() != in) {
            throw new IllegalArgumentException(name() + ": expects " + in + " inputs, got " + x.itemSize());
        }
        byte[] wt = new byte[in * out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                wt[i * out + o] = weights[o * in + i];
            }
        }
        int[] acc = new int[batch * out];
        FloatExactInt8Gemm.multiply(x.data(), 0, wt, 0, acc, 0, batch, out, in);
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < out; o++) {
                acc[r * out + o] += bias[o];
            }
        }
        return acc;
    }

    /** Whether this is the last layer (its output stays int32). */
    public boolean last() {
        return requantizer == null;
    }

    @Override
    public QTensor forward(QTensor x) {
        if (last()) {
            throw new IllegalStateException(name() + " is the last layer: use accumulate()");
        }
        int[] acc = accumulate(x);
        byte[] y = new byte[acc.length];
        requantizer.applyAll(acc, 0, 0, y, 0, acc.length);
        return new QTensor(new int[] {x.shape()[0], out}, y, outScale);
    }

    @Override
    public Int8Dense copy() {
        return new Int8Dense(name(), in, out, weights.clone(), bias.clone(), requantizer, outScale);
    }
}
