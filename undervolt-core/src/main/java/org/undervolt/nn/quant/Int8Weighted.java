package org.undervolt.nn.quant;

/**
 * A dense or convolution op on the integer datapath: its int8 weights (symmetric per-tensor
 * scale, the float layer's layout), its int32 bias, the requantiser of its accumulators to int8
 * (ReLU fused; {@code null} where the output stays int32) and the scale of its output.
 */
abstract class Int8Weighted extends NamedInt8Op {
    final byte[] weights;
    final int[] bias;
    final Requantizer requantizer;
    final float outScale;

    Int8Weighted(String name, byte[] weights, int[] bias, Requantizer requantizer, float outScale) {
        super(name);
        this.weights = weights;
        this.bias = bias;
        this.requantizer = requantizer;
        this.outScale = outScale;
    }

    /** The stored weight bytes, row-major in the float layer's weight layout (live). */
    public final byte[] weights() {
        return weights;
    }
}
