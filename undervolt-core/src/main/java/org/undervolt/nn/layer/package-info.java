/**
 * Layers (dense, convolution, pooling, batch norm, residual, ...) with forward and backward passes, and
 * the hooks where errors enter a forward pass ({@link org.undervolt.nn.layer.LayerHooks}: the weights a
 * layer reads, its input and output feature maps), so that resilience code can inject bit errors without
 * the layers knowing of faults.
 */
package org.undervolt.nn.layer;
