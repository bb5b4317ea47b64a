package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.InvalidInputException;

/**
 * An Eyeriss-like row-stationary accelerator (Chen et al., ISCA 2016), simplified to its DRAM traffic with a
 * global buffer of {@code globalBuffer} bytes, half for IFM rows and half for weights:
 * <ul>
 *   <li>a convolution's output is computed in horizontal strips; a strip of h output rows needs
 *       (h − 1)·stride + k input rows (HWC storage: one contiguous range), h as large as half the buffer allows
 *       (at least one); rows shared by neighbouring strips (the k − stride halo) are read again;</li>
 *   <li>the layer's weights are read once if they fit in the other half, else once per strip;</li>
 *   <li>dense layers are one strip: IFM and weights read once;</li>
 *   <li>each strip's outputs are complete on chip (all input channels in the strip) and written once.</li>
 * </ul>
 */
public final class RowStationaryDataflow implements Dataflow {
    private final long globalBuffer;

    public RowStationaryDataflow(long globalBuffer) {
        if (globalBuffer < 2) {
            throw new InvalidInputException("--global-buffer: expected a positive byte count of at least 2");
        }
        this.globalBuffer = globalBuffer;
    }

    @Override
    public String name() {
        return "row-stationary(global buffer " + globalBuffer + " B)";
    }

    @Override
    public List<Transfer> transfers(NetworkData net) {
        long half = globalBuffer / 2;
        List<Transfer> t = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            LayerShape l = net.layers().get(i);
            long w = net.weightBytes(l);
            String wName = NetworkData.weightsOf(l);
            String inName = NetworkData.ifmOf(l);
            if (!l.conv()) {
                t.add(Transfer.read(inName, 0, net.ifmBytes(l)));
                t.add(Transfer.read(wName, 0, w));
            } else {
                long rowBytes = (long) l.inC() * l.inW() * net.bytesPerElement();
                long hIn = Math.max(l.k(), half / rowBytes);
                int hOut = (int) Math.max(1, Math.min(l.outH(), (hIn - l.k()) / l.stride() + 1));
                int strips = (l.outH() + hOut - 1) / hOut;
                boolean weightsFit = w <= half;
                for (int s = 0; s < strips; s++) {
                    int firstOut = s * hOut;
                    int outRows = Math.min(hOut, l.outH() - firstOut);
                    int from = Math.max(0, firstOut * l.stride() - l.pad());
                    int to = Math.min(l.inH(), firstOut * l.stride() - l.pad() + (outRows - 1) * l.stride() + l.k());
                    t.add(Transfer.read(inName, from * rowBytes, (long) (to - from) * rowBytes));
                    if (s == 0 || !weightsFit) {
                        t.add(Transfer.read(wName, 0, w));
                    }
                }
            }
            t.add(Transfer.write(net.ofmItem(i), 0, net.ofmBytes(i)));
        }
        return t;
    }
}
