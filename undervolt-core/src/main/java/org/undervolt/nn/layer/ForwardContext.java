package org.undervolt.nn.layer;

import java.util.Objects;

/**
 * How a forward pass runs: training or inference, the randomness of this batch, and the hooks.
 *
 * <p>In inference mode layers keep no state, so one model may run several batches at once.
 * In training mode they remember what {@link Layer#backward} needs.
 *
 * @param training whether to cache for backward and use training behaviour (dropout, batch statistics)
 * @param seed     master seed for randomness in the pass (dropout masks)
 * @param batch    deterministic identity of the batch (see {@link HookSite#batch()})
 * @param hooks    error-injection hooks
 */
public record ForwardContext(boolean training, long seed, long batch, LayerHooks hooks) {

    public ForwardContext {
        Objects.requireNonNull(hooks, "hooks");
    }

    /** Inference of batch {@code batch} without hooks. */
    public static ForwardContext inference(long batch) {
        return new ForwardContext(false, 0L, batch, LayerHooks.NONE);
    }

    /** The site of layer {@code index} in this pass. */
    public HookSite site(int index, Layer layer) {
        return new HookSite(index, layer, batch, training);
    }
}
