package org.undervolt.nn.layer;

/** What a learned tensor is; the storage and fault packages treat the kinds differently. */
public enum ParameterKind {
    /** Multiplicative weights of a dense or convolution layer. */
    WEIGHT,
    /** Additive biases. */
    BIAS,
    /** Batch-norm scale (gamma). */
    SCALE,
    /** Batch-norm shift (beta). */
    SHIFT,
    /** Running statistics (batch-norm mean and variance): stored and used, but not trained by gradients. */
    STATISTIC
}
