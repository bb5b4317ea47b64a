package org.undervolt.nn.quant;

/**
 * Where errors enter the integer datapath: each op's input feature map, as the int8 bytes that
 * would sit in DRAM, may be modified in place (e.g. bit flips). Thread-safe, randomness from
 * {@code batch} and {@code op}, as for {@link org.undervolt.nn.layer.LayerHooks}.
 */
@FunctionalInterface
public interface Int8Hooks {
    Int8Hooks NONE = (op, name, ifm, batch) -> {
    };

    /**
     * @param op    index of the op in the network
     * @param name  its name
     * @param ifm   its input bytes (modifiable)
     * @param batch index of the batch's first image
     */
    void input(int op, String name, byte[] ifm, long batch);
}
