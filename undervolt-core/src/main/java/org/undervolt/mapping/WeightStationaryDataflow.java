package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.InvalidInputException;

/**
 * A TPU-like weight-stationary accelerator (Jouppi et al., ISCA 2017), simplified reuse model: a layer's
 * weights are loaded into a weight buffer of {@code weightBuffer} bytes in T = ceil(W / buffer) tiles, split
 * over output channels; each tile stays in the array while the whole IFM streams past, so every weight is
 * read once and the IFM once per tile — once in all when it fits in the {@code activationBuffer}. Tiles
 * cover disjoint output channels, so each output is finished on chip and written once.
 */
public final class WeightStationaryDataflow implements Dataflow {
    private final long weightBuffer;
    private final long activationBuffer;

    public WeightStationaryDataflow(long weightBuffer, long activationBuffer) {
        if (weightBuffer <= 0 || activationBuffer <= 0) {
            throw new InvalidInputException("--weight-buffer/--activation-buffer: expected positive byte counts");
        }
        this.weightBuffer = weightBuffer;
        this.activationBuffer = activationBuffer;
    }

    @Override
    public String name() {
        return "weight-stationary(weights " + weightBuffer + " B, activations " + activationBuffer + " B)";
    }

    @Override
    public List<Transfer> transfers(NetworkData net) {
        List<Transfer> t = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            LayerShape l = net.layers().get(i);
            long w = net.weightBytes(l);
            long in = net.ifmBytes(l);
            long tiles = Math.max(1, (w + weightBuffer - 1) / weightBuffer);
            boolean ifmFits = in <= activationBuffer;
            for (long k = 0; k < tiles; k++) {
                long from = k * w / tiles;
                long to = (k + 1) * w / tiles;
                t.add(Transfer.read(NetworkData.weightsOf(l), from, to - from));
                if (k == 0 || !ifmFits) {
                    t.add(Transfer.read(NetworkData.ifmOf(l), 0, in));
                }
            }
            t.add(Transfer.write(net.ofmItem(i), 0, net.ofmBytes(i)));
        }
        return t;
    }
}
