package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.storage.IntegerFormat;
import org.undervolt.storage.IntegerSpec;

/**
 * How {@link IfmDeltaTrials} walks a network: its convolution stages (a convolution, an optional ReLU, an optional
 * max pooling and an optional flatten, up to the next stored IFM), then the dense tail from the first fully
 * connected layer on; or why it cannot ({@link #whyNot()}).
 *
 * <p>It applies where every weighted layer reads a stored IFM in a static 8-bit integer format (one scale fitted
 * to the profiled range, so an image's stored codes depend on that image only), weights are stored in an integer
 * format (finite after any flip), and the layers are of those kinds (LeNet-5, MLPs).
 */
final class IfmDeltaPlan {

    /**
     * One convolution stage: the convolution at {@code layer} ({@code in × h × w} to {@code out × oh × ow}), its
     * ReLU (capped at {@code cap}) if {@code relu}, a max pooling of {@code poolK × poolK} windows at stride
     * {@code poolStride} ({@code 1, 1} where there is none) to {@code out × ph × pw}, and the weighted layer
     * {@code next} whose stored IFM that output is (a flatten between them keeps the order of the values).
     */
    record ConvStage(int layer, int in, int out, int k, int stride, int pad, int h, int w, int oh, int ow, boolean relu,
            float cap, int poolK, int poolStride, int ph, int pw, int next) {

        int inputSize() {
            return in * h * w;
        }

        int outputSize() {
            return out * oh * ow;
        }

        int nextSize() {
            return out * ph * pw;
        }

        /** Multiply-adds per output: the length of its fused multiply-add chain. */
        int terms() {
            return in * k * k;
        }
    }

    private final List<ConvStage> convs;
    private final int tail;
    private final boolean[] ifm;
    private final String whyNot;

    private IfmDeltaPlan(List<ConvStage> convs, int tail, boolean[] ifm, String whyNot) {
        this.convs = convs;
        this.tail = tail;
        this.ifm = ifm;
        this.whyNot = whyNot;
    }

    /** The convolution stages, in order. */
    List<ConvStage> convs() {
        return convs;
    }

    /** Index of the first fully connected layer: from there on layers run on the changed images in full. */
    int tail() {
        return tail;
    }

    /** Whether layer {@code l} reads a stored IFM. */
    boolean ifm(int l) {
        return ifm[l];
    }

    /** Null where the plan applies, else why not. */
    String whyNot() {
        return whyNot;
    }

    private static IfmDeltaPlan not(String why) {
        return new IfmDeltaPlan(List.of(), -1, new boolean[0], why);
    }

    static IfmDeltaPlan of(Sequential model, NetworkFaults faults) {
        StorageSetup setup = faults.setup();
        if (!(setup.ifmFormat() instanceof IntegerSpec is) || is.bits() != 8 || is.perChannel()) {
            return not("IFMs are not stored in a per-tensor 8-bit integer format");
        }
        if (!(setup.weightFormat() instanceof IntegerSpec)) {
            return not("weights are not stored in an integer format");
        }
        List<Layer> layers = model.layers();
        boolean[] ifm = new boolean[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer instanceof Conv2d || layer instanceof Dense) {
                if (faults.ifmSite(l) == null || !(faults.staticIfmFormat(l) instanceof IntegerFormat)) {
                    return not(layer.name() + ": its IFM is not stored in a static format");
                }
                ifm[l] = true;
            } else if (!(layer instanceof Relu || layer instanceof MaxPool2d || layer instanceof Flatten)) {
                return not(layer.name() + ": layer type " + layer.type() + " has no delta kernel");
            }
        }
        if (layers.isEmpty() || !ifm[0]) {
            return not("the first layer does not read a stored IFM");
        }
        List<ConvStage> convs = new ArrayList<>();
        int[] shape = model.inputShape();
        int l = 0;
        while (l < layers.size() && layers.get(l) instanceof Conv2d c) {
            int[] cfg = c.config();
            int[] conv = c.outputShape(shape);
            int at = l + 1;
            boolean relu = false;
            float cap = Float.POSITIVE_INFINITY;
            if (at < layers.size() && layers.get(at) instanceof Relu r) {
                relu = true;
                cap = r.cap();
                at++;
            }
            int poolK = 1;
            int poolStride = 1;
            int[] pooled = conv;
            if (at < layers.size() && layers.get(at) instanceof MaxPool2d p) {
                poolK = p.config()[0];
                poolStride = p.config()[1];
                pooled = p.outputShape(conv);
                at++;
            }
            if (at < layers.size() && layers.get(at) instanceof Flatten) {
                at++;
            }
            if (at >= layers.size() || !ifm[at]) {
                return not(c.name() + ": its stage does not end at a stored IFM");
            }
            convs.add(new ConvStage(l, cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], shape[1], shape[2], conv[1], conv[2], relu,
                    cap, poolK, poolStride, pooled[1], pooled[2], at));
            shape = layers.get(at) instanceof Dense ? new int[] {pooled[0] * pooled[1] * pooled[2]} : pooled;
            l = at;
        }
        if (!(layers.get(l) instanceof Dense)) {
            return not(layers.get(l).name() + ": expected a convolution or a fully connected layer");
        }
        for (int t = l; t < layers.size(); t++) {
            if (layers.get(t) instanceof Conv2d || layers.get(t) instanceof MaxPool2d) {
                return not(layers.get(t).name() + ": convolutions and pooling after the first fully connected layer");
            }
        }
        return new IfmDeltaPlan(List.copyOf(convs), l, ifm, null);
    }
}
