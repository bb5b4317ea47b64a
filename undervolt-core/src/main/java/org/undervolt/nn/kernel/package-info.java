/**
 * The hot kernels of {@code nn}: GEMM with a readable scalar version and a {@code jdk.incubator.vector}
 * twin tested against it ({@link org.undervolt.nn.kernel.Gemm}), im2col, pooling, element-wise ops, and
 * {@link org.undervolt.nn.kernel.Parallel}, which splits work so that every output is computed in a fixed
 * order: the same bits for any thread count.
 */
package org.undervolt.nn.kernel;
