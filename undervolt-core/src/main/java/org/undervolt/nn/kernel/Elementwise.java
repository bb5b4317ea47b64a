package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise activation kernels with the Vector API; the scalar tail is the reference formula. */
public final class Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Elementwise() {
    }

    /** {@code y[i] = Math.max(x[i], 0f)}: NaN stays NaN, {@code -0f} becomes {@code 0f}. */
    public static void relu(float[] x, float[] y) {
        int n = x.length;
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    /**
     * Sets every {@code x[i]} outside {@code [lo, hi]} (NaN included) to {@code 0f}; returns how many it set
     * (EDEN's value correction of IFMs read from approximate DRAM).
     */
    public static int zeroOutside(float[] x, float lo, float hi) {
        int n = x.length;
        int i = 0;
        int zeroed = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= n; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> inside = v.compare(jdk.incubator.vector.VectorOperators.GE, lo)
                    .and(v.compare(jdk.incubator.vector.VectorOperators.LE, hi));
            if (!inside.allTrue()) {
                zeroed += L - inside.trueCount();
                zero.blend(v, inside).intoArray(x, i);
            }
        }
        for (; i < n; i++) {
            if (!(x[i] >= lo && x[i] <= hi)) {
                x[i] = 0f;
                zeroed++;
            }
        }
        return zeroed;
    }

    /** {@code gx[i] = y[i] > 0 ? g[i] : 0} where {@code y} is the ReLU output. */
    public static void reluBackward(float[] y, float[] g, float[] gx) {
        int n = y.length;
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= n; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, y, i).compare(jdk.incubator.vector.VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, g, i), pos).intoArray(gx, i);
        }
        for (; i < n; i++) {
            gx[i] = y[i] > 0f ? g[i] : 0f;
        }
    }

    /** {@code dst[dOff + i] += src[sOff + i]} for {@code i < n}: each element one float addition, as the scalar loop. */
    public static void addInto(float[] src, int sOff, float[] dst, int dOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i)).intoArray(dst, dOff + i);
        }
        for (; i < n; i++) {
            dst[dOff + i] += src[sOff + i];
        }
    }
}
