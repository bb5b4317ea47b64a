package org.undervolt.fault;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.storage.DramImage;
import org.undervolt.storage.StoredTensor;

/**
 * Per-tensor value ranges profiled on an error-free image, and the corrections built from them:
 * EDEN's bounding (outside the profiled range becomes 0) and range clipping. Profiling uses the
 * decoded (stored) values, so every error-free value passes unchanged.
 */
public final class ProfiledRanges {
    private final Map<String, float[]> ranges;

    private ProfiledRanges(Map<String, float[]> ranges) {
        this.ranges = ranges;
    }

    /** Profiles every tensor of a clean image. */
    public static ProfiledRanges of(DramImage clean) {
        Map<String, float[]> ranges = new LinkedHashMap<>();
        for (StoredTensor t : clean.tensors()) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : t.decode(clean.bytes())) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            ranges.put(t.name(), lo <= hi ? new float[] {lo, hi} : new float[] {0, 0});
        }
        return new ProfiledRanges(ranges);
    }

    /** The profiled {@code [min, max]} of a tensor. */
    public float[] range(String tensor) {
        float[] r = ranges.get(tensor);
        if (r == null) {
            throw new IllegalArgumentException("no profiled range for tensor '" + tensor + "'");
        }
        return r.clone();
    }

    /** EDEN bounding for a tensor: values outside its profiled range become 0. */
    public ValueCorrection bound(String tensor) {
        float[] r = range(tensor);
        return new ValueCorrection.Bound(r[0], r[1]);
    }

    /** Clipping to a tensor's profiled range. */
    public ValueCorrection clip(String tensor) {
        float[] r = range(tensor);
        return new ValueCorrection.Clip(r[0], r[1]);
    }
}
