package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's DRAM-resident data types, EDEN's unit of mapping: per weighted layer its weights
 * ({@code <layer>.weights}) and its input feature map ({@code <layer>.ifm}; the first layer's is the input
 * image), plus the final output ({@code output}). Elements take {@code bytesPerElement} bytes (1 for INT8,
 * 4 for FP32); biases are left out (under 0.5 % of the weights in the zoo's networks). An IFM is stored in
 * HWC order, so a band of rows is one contiguous range.
 *
 * @param layers          the weighted layers
 * @param bytesPerElement bytes per weight and per activation
 */
public record NetworkData(List<LayerShape> layers, int bytesPerElement) {

    public NetworkData {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one weighted layer");
        }
        if (bytesPerElement <= 0) {
            throw new IllegalArgumentException("bytes per element must be positive");
        }
    }

    public static String weightsOf(LayerShape l) {
        return l.name() + ".weights";
    }

    public static String ifmOf(LayerShape l) {
        return l.name() + ".ifm";
    }

    public static final String OUTPUT = "output";

    public long weightBytes(LayerShape l) {
        return l.weights() * bytesPerElement;
    }

    public long ifmBytes(LayerShape l) {
        return l.ifmElements() * bytesPerElement;
    }

    /** Where layer {@code i} writes its output: the next weighted layer's IFM (after on-chip ReLU/pooling), or the output. */
    public String ofmItem(int i) {
        return i + 1 < layers.size() ? ifmOf(layers.get(i + 1)) : OUTPUT;
    }

    /** Bytes of that output. */
    public long ofmBytes(int i) {
        return i + 1 < layers.size() ? ifmBytes(layers.get(i + 1)) : layers.get(i).ofmElements() * bytesPerElement;
    }

    /** Item names and sizes in layer order: weights and IFM per layer, then the output. */
    public List<String> itemNames() {
        List<String> n = new ArrayList<>();
        for (LayerShape l : layers) {
            n.add(weightsOf(l));
            n.add(ifmOf(l));
        }
        n.add(OUTPUT);
        return n;
    }

    public long bytesOf(String item) {
        for (int i = 0; i < layers.size(); i++) {
            LayerShape l = layers.get(i);
            if (item.equals(weightsOf(l))) {
                return weightBytes(l);
            }
            if (item.equals(ifmOf(l))) {
                return ifmBytes(l);
            }
        }
        if (item.equals(OUTPUT)) {
            return ofmBytes(layers.size() - 1);
        }
        throw new IllegalArgumentException("no data item " + item);
    }
}
