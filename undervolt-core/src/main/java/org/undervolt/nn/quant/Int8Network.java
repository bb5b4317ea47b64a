package org.undervolt.nn.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Dropout;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Batches;

/**
 * A trained float network converted to an INT8 integer datapath, like an accelerator's:
 * int8 weights and feature maps, int8 × int8 products summed in int32 with an int32 bias, then
 * requantised to int8 with integer arithmetic ({@link Requantizer}); the last layer's int32
 * accumulators are the logits.
 *
 * <p>Quantisation (post-training, symmetric, per tensor): weights {@code q = clamp(round(w / s_w))}
 * with {@code s_w = max|w| / 127} (the storage package's {@code int8} format); inputs
 * {@code q = round(127 · pixel / 255)}; each layer's output scale {@code max|OFM| / 127} over the
 * calibration images; biases {@code round(b / (s_in · s_w))} in int32.
 *
 * <p>Supported layers: Dense, Conv2d, each optionally followed by ReLU (fused), MaxPool2d,
 * Flatten, Dropout (identity); a batch norm right after a dense or convolution layer is folded into it.
 */
public final class Int8Network {
    private static final int BATCH = 256;
    private final int[] inputShape;
    private final List<Int8Op> ops;

    private Int8Network(int[] inputShape, List<Int8Op> ops) {
        this.inputShape = inputShape.clone();
        this.ops = List.copyOf(ops);
    }

    /** The ops, in order. */
    public List<Int8Op> ops() {
        return ops;
    }

    /** A deep copy (weights included), e.g. to write faulty weight bytes into. */
    public Int8Network copy() {
        return new Int8Network(inputShape, ops.stream().map(Int8Op::copy).toList());
    }

    /** The stored weight bytes of the op named {@code name} (live), e.g. {@code "conv1"}. */
    public byte[] weights(String name) {
        for (Int8Op op : ops) {
            if (op.name().equals(name)) {
                if (op instanceof Int8Dense d) {
                    return d.weights();
                }
                if (op instanceof Int8Conv2d c) {
                    return c.weights();
                }
            }
        }
        throw new IllegalArgumentException("no weighted op " + name);
    }

    /** Converts {@code model}, calibrating activation scales on {@code calibration} (a few hundred images suffice). */
    public static Int8Network quantize(Sequential model, ImageDataset calibration) {
        model = foldBatchNorm(model);
        List<Layer> layers = model.layers();
        for (Layer l : layers) {
            if (!(l instanceof Dense || l instanceof Conv2d || l instanceof MaxPool2d || l instanceof Flatten
                    || l instanceof Relu || l instanceof Dropout)) {
                throw new IllegalArgumentException(l.name() + ": layer type " + l.type() + " is not supported by the"
                        + " int8 datapath (dense, conv2d, relu, maxpool2d, flatten, dropout; batchnorm after dense/conv)");
            }
        }
        float[] maxAbs = calibrate(model, calibration);
        List<Int8Op> ops = new ArrayList<>();
        float inScale = 1f / 127f;
        int lastCompute = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dense || layers.get(i) instanceof Conv2d) {
                lastCompute = i;
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            boolean relu = i + 1 < layers.size() && layers.get(i + 1) instanceof Relu;
            int outIndex = relu ? i + 1 : i;
            if (l instanceof Dense d) {
                float[] w = d.weight().data();
                float sw = scale(w);
                boolean last = i == lastCompute;
                float outScale = Math.max(maxAbs[outIndex], 1e-12f) / 127f;
                Requantizer rq = last ? null : new Requantizer((double) inScale * sw / outScale, relu);
                ops.add(new Int8Dense(d.name(), d.inputs(), d.outputs(), quantize(w, sw), bias(d.bias().data(), inScale * sw),
                        rq, last ? inScale * sw : outScale));
                inScale = last ? inScale * sw : outScale;
            } else if (l instanceof Conv2d c) {
                int[] cfg = c.config();
                float[] w = c.weight().data();
                float sw = scale(w);
                float outScale = Math.max(maxAbs[outIndex], 1e-12f) / 127f;
                ops.add(new Int8Conv2d(c.name(), cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], quantize(w, sw),
                        bias(c.bias().data(), inScale * sw), new Requantizer((double) inScale * sw / outScale, relu), outScale));
                inScale = outScale;
            } else if (l instanceof MaxPool2d p) {
                ops.add(new Int8MaxPool(p.name(), p.config()[0], p.config()[1]));
            } else if (l instanceof Flatten f) {
                ops.add(new Int8Flatten(f.name()));
            } else if (l instanceof Relu || l instanceof Dropout) {
                if (l instanceof Relu && (i == 0 || !(layers.get(i - 1) instanceof Dense || layers.get(i - 1) instanceof Conv2d))) {
                    throw new IllegalArgumentException(l.name() + ": the int8 datapath fuses ReLU into the preceding dense/conv layer only");
                }
            } else {
                throw new IllegalArgumentException(l.name() + ": layer type " + l.type()
                        + " is not supported by the int8 datapath (dense, conv2d, relu, maxpool2d, flatten, dropout)");
            }
        }
        if (lastCompute < 0 || !(ops.get(ops.size() - 1) instanceof Int8Dense)) {
            throw new IllegalArgumentException("the int8 datapath needs a dense layer last");
        }
        return new Int8Network(model.inputShape(), ops);
    }

    /**
     * A copy of {@code model} in which every batch norm that follows a dense or convolution layer
     * is folded into it (inference statistics): {@code w' = w·γ/√(σ²+ε)}, {@code b' = (b−μ)·γ/√(σ²+ε) + β}
     * per output channel.
     */
    static Sequential foldBatchNorm(Sequential model) {
        List<Layer> in = model.copy().layers();
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Layer l = in.get(i);
            if (i + 1 < in.size() && in.get(i + 1) instanceof BatchNorm bn && (l instanceof Dense || l instanceof Conv2d)) {
                List<org.undervolt.nn.layer.Parameter> p = l.parameters();
                List<org.undervolt.nn.layer.Parameter> q = bn.parameters();
                float[] w = p.get(0).data();
                float[] b = p.get(1).data();
                float[] gamma = q.get(0).data();
                float[] beta = q.get(1).data();
                float[] mean = q.get(2).data();
                float[] var = q.get(3).data();
                int channels = b.length;
                int per = w.length / channels;
                for (int o = 0; o < channels; o++) {
                    double f = gamma[o] / Math.sqrt(var[o] + BatchNorm.EPS);
                    for (int e = o * per; e < (o + 1) * per; e++) {
                        w[e] = (float) (w[e] * f);
                    }
                    b[o] = (float) ((b[o] - mean[o]) * f + beta[o]);
                }
                out.add(l);
                i++;
            } else {
                out.add(l);
            }
        }
        return new Sequential(model.inputShape(), out);
    }

    /** Largest |value| at each layer's output over the calibration images (float model, inference). */
    private static float[] calibrate(Sequential model, ImageDataset data) {
        float[] max = new float[model.layers().size()];
        LayerHooks spy = new LayerHooks() {
            @Override
            public Tensor output(HookSite site, Tensor ofm) {
                float m = max[site.layerIndex()];
                for (float v : ofm.data()) {
                    m = Math.max(m, Math.abs(v));
                }
                max[site.layerIndex()] = m;
                return ofm;
            }
        };
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            model.forward(Batches.images(data, from, to, model.inputShape()), new ForwardContext(false, 0, from, spy));
        }
        return max;
    }

    private static float scale(float[] w) {
        float m = 0f;
        for (float v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m == 0f ? 1f : m / 127f;
    }

    private static byte[] quantize(float[] w, float s) {
        byte[] q = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] / s)));
        }
        return q;
    }

    private static int[] bias(float[] b, float s) {
        int[] q = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            q[i] = (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, Math.round((double) b[i] / s)));
        }
        return q;
    }

    /** Int32 logits of images {@code [from, to)}, with {@code hooks} applied to every op's input bytes. */
    public int[] logits(ImageDataset data, int from, int to, Int8Hooks hooks) {
        int n = data.imageSize();
        byte[] x = new byte[(to - from) * n];
        byte[] px = data.pixels();
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (((px[from * n + i] & 0xFF) * 127 + 127) / 255);
        }
        int[] shape = new int[inputShape.length + 1];
        shape[0] = to - from;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        QTensor h = new QTensor(shape, x, 1f / 127f);
        for (int i = 0; i < ops.size() - 1; i++) {
            hooks.input(i, ops.get(i).name(), h.data(), from);
            h = ops.get(i).forward(h);
        }
        hooks.input(ops.size() - 1, ops.get(ops.size() - 1).name(), h.data(), from);
        return ((Int8Dense) ops.get(ops.size() - 1)).accumulate(h);
    }

    /** Fraction of {@code test} classified correctly (argmax of the int32 logits, first on ties). */
    public float accuracy(ImageDataset test, Int8Hooks hooks) {
        int n = test.size();
        int batches = (n + BATCH - 1) / BATCH;
        int[] correct = new int[batches];
        Parallel.forEach(batches, b -> {
            int from = b * BATCH;
            int to = Math.min(n, from + BATCH);
            int[] z = logits(test, from, to, hooks);
            int classes = z.length / (to - from);
            for (int r = 0; r < to - from; r++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (z[r * classes + c] > z[r * classes + best]) {
                        best = c;
                    }
                }
                if (best == test.label(from + r)) {
                    correct[b]++;
                }
            }
        });
        return n == 0 ? 0f : (float) Arrays.stream(correct).sum() / n;
    }
}
