package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/**
 * Where errors enter a forward pass: per layer, the caller may substitute the weights a layer
 * reads and transform its input feature map (IFM) and output feature map (OFM).
 *
 * <p>EDEN (Koppula et al., MICRO 2019, §4) injects errors into weights and IFMs during the forward
 * pass of curricular retraining and of evaluation; these are the points it needs. In training,
 * gradients flow through an input/output transform as if it were the identity (straight-through)
 * and are taken with respect to the substituted weights.
 *
 * <p>Evaluation runs batches in parallel: implementations must be thread-safe, and should derive
 * any randomness from {@link HookSite#batch()} and the layer, never from call order.
 */
public interface LayerHooks {
    /** No substitution, no transform. */
    LayerHooks NONE = new LayerHooks() {
    };

    /** The values a layer should use for parameter {@code p}: {@code p.data()} or an array of the same size. */
    default float[] weights(HookSite site, Parameter p) {
        return p.data();
    }

    /** The IFM to give layer {@code site.layerIndex()}; may modify {@code ifm} in place and return it. */
    default Tensor input(HookSite site, Tensor ifm) {
        return ifm;
    }

    /** The OFM layer {@code site.layerIndex()} passes on; may modify {@code ofm} in place and return it. */
    default Tensor output(HookSite site, Tensor ofm) {
        return ofm;
    }
}
