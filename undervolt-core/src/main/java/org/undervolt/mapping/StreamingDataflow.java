package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU-like streaming: each layer reads its weights and its IFM from DRAM once, front to back, and writes its
 * output (the next layer's IFM) once — caches catch the reuse inside a layer but hold no layer's data across
 * layers. The DRAM traffic of EDEN's CPU setting for networks far larger than the last-level cache.
 */
public final class StreamingDataflow implements Dataflow {

    @Override
    public String name() {
        return "streaming";
    }

    @Override
    public List<Transfer> transfers(NetworkData net) {
        List<Transfer> t = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            LayerShape l = net.layers().get(i);
            t.add(Transfer.read(NetworkData.ifmOf(l), 0, net.ifmBytes(l)));
            t.add(Transfer.read(NetworkData.weightsOf(l), 0, net.weightBytes(l)));
            t.add(Transfer.write(net.ofmItem(i), 0, net.ofmBytes(i)));
        }
        return t;
    }
}
