package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.model.Sequential;

/**
 * The shape of one weighted layer, all a dataflow needs to count its DRAM traffic. A dense layer is a 1×1
 * convolution over a 1×1 input of {@code inC} channels.
 *
 * @param name   layer name
 * @param conv   convolution (else dense)
 * @param inC    input channels (dense: inputs)
 * @param inH    input height (dense: 1)
 * @param inW    input width (dense: 1)
 * @param outC   output channels (dense: outputs)
 * @param outH   output height
 * @param outW   output width
 * @param k      kernel size
 * @param stride stride
 * @param pad    padding
 */
public record LayerShape(String name, boolean conv, int inC, int inH, int inW, int outC, int outH, int outW, int k,
                         int stride, int pad) {

    public static LayerShape dense(String name, int in, int out) {
        return new LayerShape(name, false, in, 1, 1, out, 1, 1, 1, 1, 0);
    }

    public long weights() {
        return (long) outC * inC * k * k;
    }

    public long ifmElements() {
        return (long) inC * inH * inW;
    }

    public long ofmElements() {
        return (long) outC * outH * outW;
    }

    /** The weighted layers of {@code model} in order (top-level Conv2d and Dense; others run on chip). */
    public static List<LayerShape> of(Sequential model) {
        List<LayerShape> out = new ArrayList<>();
        int[] shape = model.inputShape();
        for (Layer l : model.layers()) {
            int[] next = l.outputShape(shape);
            if (l instanceof Conv2d c) {
                int[] cfg = c.config();
                out.add(new LayerShape(l.name(), true, shape[0], shape[1], shape[2], next[0], next[1], next[2], cfg[2],
                        cfg[3], cfg[4]));
            } else if (l instanceof Dense d) {
                out.add(dense(l.name(), d.inputs(), d.outputs()));
            } else if (!l.children().isEmpty()) {
                throw new InvalidInputException("model layer " + l.name() + " (" + l.type()
                        + ") has nested layers; mapping supports plain sequential networks");
            }
            shape = next;
        }
        return out;
    }
}
