package org.undervolt.nn.layer;

/**
 * Which layer and which batch a {@link LayerHooks} call is about.
 *
 * @param layerIndex position of the layer in its model (0-based, top level)
 * @param layer      the layer
 * @param batch      deterministic identity of the batch: the index of its first sample in
 *                   evaluation, the global step number in training
 * @param training   whether this is a training forward pass
 */
public record HookSite(int layerIndex, Layer layer, long batch, boolean training) {
}
