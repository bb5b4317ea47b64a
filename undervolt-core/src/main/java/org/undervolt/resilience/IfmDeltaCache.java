package org.undervolt.resilience;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.storage.NumberFormat;

/**
 * What {@link IfmDeltaTrials} keeps of the error-free network on every test image (data-set order): the stored
 * codes of every IFM, the raw output of every convolution (before its ReLU), and each image's prediction; plus,
 * per stored IFM, the value each of the 256 codes is read back as (decoded, value correction applied), so a code
 * stands for its value. LeNet-5 on 10 000 images: 2 564 code bytes and 6 304 floats an image, 277 MB.
 */
final class IfmDeltaCache {
    final int images;
    final int[] sizes;        // per layer: values of its stored IFM per image (0: none)
    final byte[][] codes;     // per layer with a stored IFM: codes, image by image
    final float[][] table;    // per layer with a stored IFM: the value read back for each code (index: code & 0xFF)
    final double[] largest;   // per layer with a stored IFM: the largest |value| any code reads back as
    final float[][] convOut;  // per convolution stage: raw outputs, image by image
    final boolean[] correct;
    final boolean[] nonfinite;

    private IfmDeltaCache(int images, int[] sizes, byte[][] codes, float[][] table, double[] largest, float[][] convOut,
            boolean[] correct, boolean[] nonfinite) {
        this.images = images;
        this.sizes = sizes;
        this.codes = codes;
        this.table = table;
        this.largest = largest;
        this.convOut = convOut;
        this.correct = correct;
        this.nonfinite = nonfinite;
    }

    /** Bytes the cache of {@code plan} over {@code images} images takes. */
    static long bytes(Sequential model, IfmDeltaPlan plan, int images) {
        int[][] shapes = CleanActivations.inputShapes(model);
        long per = 0;
        for (int l = 0; l < model.layers().size(); l++) {
            per += plan.ifm(l) ? Tensor.size(shapes[l]) : 0;
        }
        for (IfmDeltaPlan.ConvStage s : plan.convs()) {
            per += 4L * s.outputSize();
        }
        return per * images;
    }

    /** The value each code of layer {@code l}'s stored IFM is read back as, as {@link NetworkFaults} reads it. */
    static float[] table(NetworkFaults faults, int l) {
        NumberFormat f = faults.staticIfmFormat(l);
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        float[] v = f.decode(all, 0, 256);
        if (faults.setup().bounding()) {
            ValueBounds.apply(v, faults.bounds().ifm(l));
        }
        return v;
    }

    /** Runs the error-free network ({@code cleanWeights}: the stored weights read without errors) over {@code test}. */
    static IfmDeltaCache of(Sequential model, NetworkFaults faults, IfmDeltaPlan plan, ImageDataset test,
            Map<String, float[]> cleanWeights) {
        int n = test.size();
        List<Layer> layers = model.layers();
        int[][] shapes = CleanActivations.inputShapes(model);
        int[] sizes = new int[layers.size()];
        byte[][] codes = new byte[layers.size()][];
        float[][] table = new float[layers.size()][];
        double[] largest = new double[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            if (plan.ifm(l)) {
                sizes[l] = Math.toIntExact(Tensor.size(shapes[l]));
                codes[l] = new byte[Math.multiplyExact(n, sizes[l])];
                table[l] = table(faults, l);
                for (float v : table[l]) {
                    largest[l] = Math.max(largest[l], Math.abs((double) v));
                }
            }
        }
        List<IfmDeltaPlan.ConvStage> convs = plan.convs();
        float[][] convOut = new float[convs.size()][];
        int[] stageAt = new int[layers.size()];
        Arrays.fill(stageAt, -1);
        for (int s = 0; s < convs.size(); s++) {
            convOut[s] = new float[Math.multiplyExact(n, convs.get(s).outputSize())];
            stageAt[convs.get(s).layer()] = s;
        }
        LayerHooks weights = weightHooks(cleanWeights);
        CachingPass.Marks marks = CachingPass.run(model, test, weights, (l, layer, ctx, site, h, from) -> {
            if (plan.ifm(l)) {
                byte[] c = faults.staticIfmFormat(l).encode(h.data());
                System.arraycopy(c, 0, codes[l], from * sizes[l], c.length);
                h = new Tensor(h.shape(), read(c, 0, c.length, table[l]));
            }
            h = layer.forward(h, ctx, site);
            if (stageAt[l] >= 0) {
                System.arraycopy(h.data(), 0, convOut[stageAt[l]], from * h.itemSize(), h.size());
            }
            return h;
        });
        return new IfmDeltaCache(n, sizes, codes, table, largest, convOut, marks.correct(), marks.nonfinite());
    }

    /** The values codes {@code c[from, from + count)} are read back as. */
    static float[] read(byte[] c, int from, int count, float[] table) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = table[c[from + i] & 0xFF];
        }
        return v;
    }

    /** Hooks that give the layers {@code weights} where stored (by parameter name), else the parameters' own. */
    static LayerHooks weightHooks(Map<String, float[]> weights) {
        return new LayerHooks() {
            @Override
            public float[] weights(HookSite site, Parameter p) {
                float[] w = weights.get(p.name());
                return w != null ? w : p.data();
            }
        };
    }
}
