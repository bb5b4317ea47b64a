package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;

/**
 * One layer × data type of a network: the unit of EDEN's fine-grained tolerance analysis.
 *
 * <p>Only layers with a weight tensor (convolution, dense) have sites: their weights and their
 * IFM are what an accelerator streams from DRAM. The IFM of such a layer is the OFM of the layers
 * before it after any parameter-free layers (ReLU, pooling, flatten) have run on chip.
 *
 * @param layer     index of the layer in the model (top level)
 * @param layerName the layer's name
 * @param kind      weights or IFM
 * @param weight    the weight parameter's name (for {@link DataKind#WEIGHTS}), else null
 */
public record Site(int layer, String layerName, DataKind kind, String weight) {

    /** {@code conv1.weights}, {@code fc3.ifm}. */
    public String id() {
        return layerName + "." + kind.label();
    }

    /** Every site of {@code model} of the given kinds, layer by layer, weights before IFM. */
    public static List<Site> of(Sequential model, Set<DataKind> kinds) {
        List<Site> sites = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String w = null;
            for (Parameter p : l.parameters()) {
                if (p.kind() == ParameterKind.WEIGHT) {
                    w = p.name();
                    break;
                }
            }
            if (w == null) {
                continue;
            }
            if (kinds.contains(DataKind.WEIGHTS)) {
                sites.add(new Site(i, l.name(), DataKind.WEIGHTS, w));
            }
            if (kinds.contains(DataKind.IFMS)) {
                sites.add(new Site(i, l.name(), DataKind.IFMS, null));
            }
        }
        return sites;
    }

    @Override
    public String toString() {
        return id();
    }
}
