package org.undervolt.resilience;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.kernel.Elementwise;
import org.undervolt.nn.layer.HookSite;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.Evaluator;

/**
 * EDEN's value correction: a value read from approximate DRAM that lies outside the range the
 * data type takes in error-free operation is replaced by 0 (Koppula et al., "EDEN", MICRO 2019,
 * §4.1, "correct-by-bounds"; docs/PAPERS.md §2.4). It catches the flips that make a value
 * implausibly large (a float exponent bit, an integer's top bit) at the cost of one comparison.
 *
 * <p>Bounds of IFMs are profiled per layer by running the error-free network over training images;
 * bounds of weights are the range of the clean values of the tensor, which the writer knows when it
 * stores them ({@link #weightBounds}). NaN is always out of range. A relative slack of
 * {@value #SLACK} of the range keeps values that only rounding moved past a bound.
 */
public final class ValueBounds {
    /** Relative widening of every profiled range. */
    public static final double SLACK = 1e-5;

    /** A closed interval {@code [lo, hi]}. */
    public record Range(float lo, float hi) {
        public boolean contains(float v) {
            return v >= lo && v <= hi; // false for NaN
        }

        Range widened() {
            float pad = (float) (SLACK * Math.max(hi - lo, Math.max(Math.abs(lo), Math.abs(hi))));
            return new Range(lo - pad, hi + pad);
        }
    }

    private final Map<Integer, Range> ifm;

    private ValueBounds(Map<Integer, Range> ifm) {
        this.ifm = Collections.unmodifiableMap(new TreeMap<>(ifm));
    }

    /**
     * Profiles the IFM range of every layer in {@code layers} on the first {@code images} images of
     * {@code data}, error-free. Minimum and maximum do not depend on batch order, so the result is
     * the same for any thread count.
     */
    public static ValueBounds profile(Sequential model, ImageDataset data, int images, List<Integer> layers) {
        ImageDataset slice = data.slice(0, Math.min(images, data.size()));
        float[][] mm = new float[model.layers().size()][];
        for (int l : layers) {
            mm[l] = new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        }
        Evaluator.predict(model, slice, new LayerHooks() {
            @Override
            public Tensor input(HookSite site, Tensor x) {
                float[] acc = mm[site.layerIndex()];
                if (acc != null) {
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    for (float v : x.data()) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    synchronized (acc) {
                        acc[0] = Math.min(acc[0], lo);
                        acc[1] = Math.max(acc[1], hi);
                    }
                }
                return x;
            }
        });
        Map<Integer, Range> ranges = new TreeMap<>();
        for (int l : layers) {
            ranges.put(l, new Range(mm[l][0], mm[l][1]).widened());
        }
        return new ValueBounds(ranges);
    }

    /** The profiled IFM range of layer {@code layer}; IllegalArgumentException if none was profiled. */
    public Range ifm(int layer) {
        Range r = ifm.get(layer);
        if (r == null) {
            throw new IllegalArgumentException("no IFM bounds profiled for layer " + layer);
        }
        return r;
    }

    /** Layer index to IFM range. */
    public Map<Integer, Range> ifmRanges() {
        return ifm;
    }

    /** The range of the clean values of a weight tensor (finite values only), widened by the slack. */
    public static Range weightBounds(float[] clean) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : clean) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new Range(0f, 0f);
        }
        return new Range(lo, hi).widened();
    }

    /** Sets every value outside {@code range} (or NaN) to 0; returns how many were set. */
    public static int apply(float[] values, Range range) {
        return Elementwise.zeroOutside(values, range.lo(), range.hi());
    }

    @Override
    public String toString() {
        return "ValueBounds" + Arrays.toString(ifm.entrySet().toArray());
    }
}
