import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.ValueBounds;

/**
 * Which bits of an FP32 value cost the accuracy: every weight tensor and every weighted layer's input stored
 * as raw FP32, each bit inside {@code mask} flipped independently at the BER (the others error-free), EDEN's value
 * correction after the read (weights: the clean tensor's range; IFMs: the range profiled on 2,000 training
 * images). Weights drawn once per trial, IFMs per batch. An emulation outside the tool's DRAM images: it
 * answers "what if only these bits could fail", which the tool's error models do not express.
 */
final class BitClasses {
    static void run(Sequential model, ImageDataset train, ImageDataset test, Map<String, String> kv) {
        List<Integer> ifm = new ArrayList<>();
        for (int l = 0; l < model.layers().size(); l++) {
            if (!model.layers().get(l).parameters().isEmpty()) {
                ifm.add(l);
            }
        }
        ValueBounds bounds = ValueBounds.profile(model, train, 2000, ifm);
        int trials = Integer.parseInt(kv.getOrDefault("trials", "3"));
        System.out.printf(Locale.ROOT, "error-free %.4f%n", Evaluator.accuracy(model, test));
        for (String ber : kv.getOrDefault("eval", "8.9e-3").split(",")) {
            double b = Double.parseDouble(ber);
            for (String name : kv.get("bits").split(","))
            for (String keep : kv.getOrDefault("keep", "all").split(","))
            for (String where : kv.getOrDefault("where", "both").split(",")) {
                int mask = mask(name);
                double[] a = new double[trials];
                double sum = 0;
                for (int t = 0; t < trials; t++) {
                    a[t] = Evaluator.accuracy(model, test, hooks(model, bounds, ifm, mask, b, Seeds.derive(5, t), keep, where));
                    sum += a[t];
                }
                System.out.printf(Locale.ROOT, "  bits %-8s keep %-6s where %-4s BER %s: mean %.4f %s%n", name, keep, where,
                        ber, sum / trials, java.util.Arrays.toString(a));
            }
        }
    }

    static int mask(String name) {
        return switch (name) {
            case "all" -> 0xFFFFFFFF;
            case "sign" -> 0x80000000;
            case "exp" -> 0x7F800000;
            case "bit30" -> 0x40000000;
            case "exp-low" -> 0x3F800000; // exponent without bit 30
            case "mant" -> 0x007FFFFF;
            case "mant-top" -> 0x00700000; // the three top mantissa bits
            case "no-sign" -> 0x7FFFFFFF;
            case "no-signexp" -> 0x007FFFFF;
            default -> (int) Long.parseLong(name.replace("0x", ""), 16);
        };
    }

    /**
     * Keeps only one class of the changes the flips made (after value correction), the others read as stored:
     * {@code grow} (the value read is larger in magnitude, same sign), {@code shrink} (smaller, same sign, or
     * zeroed by value correction), {@code sign} (the sign changed, value correction left it), {@code all}.
     */
    static void keep(float[] clean, float[] read, String keep) {
        if (keep.equals("all")) {
            return;
        }
        for (int i = 0; i < read.length; i++) {
            float c = clean[i];
            float r = read[i];
            if (r == c) {
                continue;
            }
            boolean sign = r != 0f && c != 0f && (r < 0) != (c < 0);
            boolean grow = !sign && Math.abs(r) > Math.abs(c);
            boolean shrink = !sign && !grow;
            boolean kept = switch (keep) {
                case "grow" -> grow;
                case "shrink" -> shrink;
                case "sign" -> sign;
                case "grow0" -> grow && c == 0f; // a stored zero read as non-zero
                case "growNZ" -> grow && c != 0f;
                default -> throw new IllegalArgumentException(keep);
            };
            if (!kept) {
                read[i] = c;
            }
        }
    }

    static LayerHooks hooks(Sequential model, ValueBounds bounds, List<Integer> ifm, int mask, double ber, long seed) {
        return hooks(model, bounds, ifm, mask, ber, seed, "all", "both");
    }

    static LayerHooks hooks(Sequential model, ValueBounds bounds, List<Integer> ifm, int mask, double ber, long seed,
            String keep, String where) {
        boolean inW = !where.equals("ifm");
        boolean inIfm = !where.equals("w");
        Map<String, float[]> weights = new ConcurrentHashMap<>();
        return new LayerHooks() {
            @Override
            public float[] weights(HookSite site, Parameter p) {
                if (p.kind() != ParameterKind.WEIGHT || !inW) {
                    return p.data();
                }
                return weights.computeIfAbsent(p.name(), k -> {
                    float[] w = p.data().clone();
                    flip(w, mask, ber, Seeds.stream(seed, 1, k.hashCode()));
                    ValueBounds.apply(w, ValueBounds.weightBounds(p.data()));
                    keep(p.data(), w, keep);
                    return w;
                });
            }

            @Override
            public Tensor input(HookSite site, Tensor x) {
                if (!ifm.contains(site.layerIndex()) || !inIfm) {
                    return x;
                }
                float[] y = x.data().clone();
                flip(y, mask, ber, Seeds.stream(seed, 2, site.layerIndex(), site.batch()));
                ValueBounds.apply(y, bounds.ifm(site.layerIndex()));
                keep(x.data(), y, keep);
                return new Tensor(x.shape(), y);
            }
        };
    }

    /** Flips each masked bit of {@code v} with probability {@code ber} (geometric gaps over the masked bits). */
    static void flip(float[] v, int mask, double ber, SplittableRandom rng) {
        int[] bits = new int[Integer.bitCount(mask)];
        for (int b = 0, k = 0; b < 32; b++) {
            if ((mask >>> b & 1) != 0) {
                bits[k++] = b;
            }
        }
        long total = (long) v.length * bits.length;
        double logq = Math.log1p(-ber);
        long pos = -1;
        while (true) {
            pos += 1 + (long) Math.floor(Math.log(1 - rng.nextDouble()) / logq);
            if (pos >= total) {
                return;
            }
            int i = (int) (pos / bits.length);
            v[i] = Float.intBitsToFloat(Float.floatToRawIntBits(v[i]) ^ (1 << bits[(int) (pos % bits.length)]));
        }
    }
}
