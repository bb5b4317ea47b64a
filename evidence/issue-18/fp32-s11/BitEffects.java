import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.resilience.ValueBounds;
import org.undervolt.storage.Formats;
import org.undervolt.storage.FloatFormat;
import org.undervolt.storage.NumberFormat;

/**
 * What one flipped bit does to a stored value, counted over every bit of every stored value of a network (each
 * weight tensor; the IFM of each weighted layer on the first 200 test images), in FP32 and in the tool's INT8
 * (per-tensor fit; IFMs fitted to the profiled range), EDEN's value correction applied as the tool does. Each
 * (value, bit) pair is put in one class by the value read r against the stored value v and the RMS of the data
 * (tensor or layer IFM): "drop" = r is 0 or |r| <= |v|/4 with |v| > RMS/4 (the value is lost); "sign" = the sign
 * changed; "grow" = |r - v| > RMS/4 with |r| > |v|; "small" = everything else (|r - v| <= RMS/4, or v itself
 * below RMS/4 and the flip left it there). Printed: the expected number of bits per value in each class, i.e.
 * how many of the value's bits, if flipped, lose it, negate it or enlarge it.
 */
final class BitEffects {
    static void run(Sequential model, ImageDataset train, ImageDataset test) {
        List<Integer> layers = new ArrayList<>();
        for (int l = 0; l < model.layers().size(); l++) {
            if (!model.layers().get(l).parameters().isEmpty()) {
                layers.add(l);
            }
        }
        ValueBounds bounds = ValueBounds.profile(model, train, 2000, layers);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            if (p.kind() == ParameterKind.WEIGHT) {
                weights.put(p.name(), p.data());
            }
        }
        Map<Integer, List<float[]>> ifms = new LinkedHashMap<>();
        Evaluator.predict(model, test.slice(0, 200), new LayerHooks() {
            @Override
            public Tensor input(HookSite site, Tensor x) {
                if (layers.contains(site.layerIndex())) {
                    synchronized (ifms) {
                        ifms.computeIfAbsent(site.layerIndex(), k -> new ArrayList<>()).add(x.data().clone());
                    }
                }
                return x;
            }
        });
        for (String fmt : List.of("fp32", "int8")) {
            double[] wSum = new double[4];
            long wCount = 0;
            for (var e : weights.entrySet()) {
                float[] v = e.getValue();
                NumberFormat f = fmt.equals("fp32") ? FloatFormat.FP32 : Formats.INT8.fit(v, new int[] {v.length});
                double[] c = classes(v, f, ValueBounds.weightBounds(v));
                print(fmt, e.getKey(), c, v.length);
                for (int k = 0; k < 4; k++) {
                    wSum[k] += c[k];
                }
                wCount += v.length;
            }
            print(fmt, "all weights", wSum, wCount);
            double[] iSum = new double[4];
            long iCount = 0;
            for (var e : ifms.entrySet()) {
                int n = 0;
                for (float[] a : e.getValue()) {
                    n += a.length;
                }
                float[] v = new float[n];
                int o = 0;
                for (float[] a : e.getValue()) {
                    System.arraycopy(a, 0, v, o, a.length);
                    o += a.length;
                }
                ValueBounds.Range r = bounds.ifm(e.getKey());
                NumberFormat f = fmt.equals("fp32") ? FloatFormat.FP32
                        : Formats.INT8.fit(new float[] {r.lo(), r.hi()}, new int[] {2});
                double[] c = classes(v, f, r);
                print(fmt, model.layers().get(e.getKey()).name() + ".ifm", c, v.length);
                for (int k = 0; k < 4; k++) {
                    iSum[k] += c[k];
                }
                iCount += v.length;
            }
            print(fmt, "all IFMs", iSum, iCount);
        }
    }

    static void print(String fmt, String what, double[] c, long n) {
        System.out.printf(Locale.ROOT, "  %s %-14s bits per value: drop %.2f sign %.2f grow %.2f small %.2f (%d values)%n",
                fmt, what, c[0] / n, c[1] / n, c[2] / n, c[3] / n, n);
    }

    /** Counts (value, bit) pairs by class: drop, sign, grow, small. */
    static double[] classes(float[] v, NumberFormat f, ValueBounds.Range range) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        float rms = (float) Math.sqrt(sq / Math.max(1, v.length));
        byte[] stored = f.encode(v);
        int bits = f.bitsPerValue();
        float[] one = new float[1];
        double[] c = new double[4];
        for (int i = 0; i < v.length; i++) {
            f.decode(stored, i * bits / 8, one);
            float q = one[0];
            for (int b = 0; b < bits; b++) {
                int at = i * bits / 8 + b / 8;
                stored[at] ^= (byte) (1 << (b % 8));
                f.decode(stored, i * bits / 8, one);
                stored[at] ^= (byte) (1 << (b % 8));
                float r = range.contains(one[0]) ? one[0] : 0f;
                float err = Math.abs(r - q);
                if (err <= rms / 4) {
                    c[3]++;
                } else if (q != 0 && r != 0 && (r < 0) != (q < 0)) {
                    c[1]++;
                } else if (Math.abs(r) > Math.abs(q)) {
                    c[2]++;
                } else {
                    c[0]++;
                }
            }
        }
        return c;
    }
}
