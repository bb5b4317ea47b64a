package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.undervolt.storage.IntegerFormat;

/**
 * One convolution stage ({@link IfmDeltaPlan.ConvStage}) of one image, from the changed codes of its stored input to
 * the changed codes of the next stored IFM, touching only the outputs the changes reach.
 *
 * <p>The full evaluation computes each convolution output as {@code s = bias; s = fma(w[p], x[p], s)} for
 * {@code p = 0 .. in·k·k − 1} in single precision (the {@link org.undervolt.nn.kernel.Gemm} contract), so a change
 * of one input or weight moves an output by {@code Δw·x + w'·Δx} only up to that chain's rounding. An output the
 * changes reach is therefore first bounded: its exact sum {@code S' = S + Σ (w'x' − wx)} over the changed terms is
 * computed in double from the cached error-free output {@code F}, and the float chain lies within
 * {@code γ_K (|b| + Σ|w||x|)} of its exact sum ({@code γ_K = K u / (1 − K u)}, {@code u = 2^-24}, K fused
 * multiply-adds, each rounding once; Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §3.1),
 * for the error-free and the faulty chain alike, with {@code Σ|w||x|} bounded by the weights' 1-norm times the
 * largest value any code reads back as. ReLU, max pooling and the next IFM's quantisation ({@code rint(v / scale)},
 * clamped) are monotone, so when both ends of the resulting interval quantise to one code, that code is the full
 * evaluation's. Otherwise the stage's outputs in that window are computed exactly, as the full evaluation computes
 * them (the same chain with {@link Math#fma}). Either way the codes equal the full evaluation's bit for bit.
 */
final class ConvDelta {
    private static final double U = 0x1p-24 * (1 + 0x1p-20); // unit roundoff, with room for the double arithmetic
    /** Codes of pooled outputs settled by their bound, over the process (for tests and measurements). */
    static final LongAdder CERTIFIED = new LongAdder();
    /** Codes of pooled outputs whose bound straddled a step, so computed exactly. */
    static final LongAdder EXACT = new LongAdder();

    private ConvDelta() {
    }

    /** One draw's weights of one stage, and what changed in them. */
    static final class Weights {
        final float[] w;
        final float[] b;
        final int[] changedAt;      // flat weight indices that differ from the error-free ones
        final double[] changedBy;   // w' - w there
        final double[] biasBy;      // per output channel: b' - b
        final boolean[] biasChanged;
        final boolean[] channelChanged; // a weight or the bias of the channel changed: all its outputs move
        final double[] halfWidth;   // per output channel: the bound on |F' - S'| + |F - S|
        final boolean any;

        Weights(IfmDeltaPlan.ConvStage st, float[] clean, float[] cleanBias, float[] w, float[] b, double largest) {
            this.w = w;
            this.b = b;
            int per = st.terms();
            List<Integer> at = new ArrayList<>();
            double[] l1 = new double[st.out()];
            double[] l1Clean = new double[st.out()];
            for (int i = 0; i < w.length; i++) {
                if (Float.floatToRawIntBits(w[i]) != Float.floatToRawIntBits(clean[i])) {
                    at.add(i);
                }
                l1[i / per] += Math.abs((double) w[i]);
                l1Clean[i / per] += Math.abs((double) clean[i]);
            }
            changedAt = at.stream().mapToInt(Integer::intValue).toArray();
            changedBy = new double[changedAt.length];
            for (int k = 0; k < changedAt.length; k++) {
                changedBy[k] = (double) w[changedAt[k]] - clean[changedAt[k]];
            }
            biasBy = new double[st.out()];
            biasChanged = new boolean[st.out()];
            channelChanged = new boolean[st.out()];
            for (int i : changedAt) {
                channelChanged[i / per] = true;
            }
            halfWidth = new double[st.out()];
            int terms = per + 4;
            double gamma = terms * U / (1 - terms * U);
            boolean anyBias = false;
            for (int o = 0; o < st.out(); o++) {
                biasBy[o] = (double) b[o] - cleanBias[o];
                biasChanged[o] = Float.floatToRawIntBits(b[o]) != Float.floatToRawIntBits(cleanBias[o]);
                anyBias |= biasChanged[o];
                channelChanged[o] |= biasChanged[o];
                double a = Math.abs((double) cleanBias[o]) + l1Clean[o] * largest + Math.abs((double) b[o]) + l1[o] * largest;
                halfWidth[o] = gamma * a + terms * 0x1p-148;
            }
            any = changedAt.length > 0 || anyBias;
        }
    }

    /** Work space of one thread for one stage. */
    static final class Scratch {
        final double[] delta;
        final boolean[] touched;
        final int[] touchedList;
        final boolean[] pooled;
        final int[] pooledList;
        final float[] actual;
        long certified;
        long exact;

        /** Adds this scratch's counts to {@link #CERTIFIED} and {@link #EXACT}. */
        void flush() {
            CERTIFIED.add(certified);
            EXACT.add(exact);
            certified = 0;
            exact = 0;
        }

        Scratch(IfmDeltaPlan.ConvStage st) {
            delta = new double[st.outputSize()];
            touched = new boolean[st.outputSize()];
            touchedList = new int[st.outputSize()];
            pooled = new boolean[st.nextSize()];
            pooledList = new int[st.nextSize()];
            actual = new float[st.inputSize()];
        }
    }

    /**
     * The changes of one image through one stage.
     *
     * @param st    the stage
     * @param sw    the draw's weights of its convolution
     * @param cache the error-free codes and outputs
     * @param s     the stage's index in the plan
     * @param image the image (data-set index)
     * @param in    the changed codes of the stage's stored input
     * @param next  the format of the next stored IFM
     * @param out   receives the changed codes of the next stored IFM
     */
    static void propagate(IfmDeltaPlan.ConvStage st, Weights sw, IfmDeltaCache cache, int s, int image, IfmChanges in,
            IntegerFormat next, IfmChanges out, Scratch sc) {
        out.clear();
        int h = st.h();
        int w = st.w();
        int k = st.k();
        int oh = st.oh();
        int ow = st.ow();
        int plane = oh * ow;
        int kk = k * k;
        int per = st.terms();
        int stride = st.stride();
        int pad = st.pad();
        float[] table = cache.table[st.layer()];
        byte[] cleanIn = cache.codes[st.layer()];
        int inBase = image * st.inputSize();
        double[] delta = sc.delta;
        boolean[] touched = sc.touched;
        int[] list = sc.touchedList;
        int count = 0;
        boolean[] moved = sw.channelChanged;
        // changed inputs: w' (x' - x) at every output whose window holds them
        for (int q = 0; q < in.count(); q++) {
            int idx = in.index(q);
            float xNew = table[in.code(q) & 0xFF];
            float xOld = table[cleanIn[inBase + idx] & 0xFF];
            if (Float.floatToRawIntBits(xNew) == Float.floatToRawIntBits(xOld)) {
                continue;
            }
            double d = (double) xNew - xOld;
            int c = idx / (h * w);
            int y = idx / w % h;
            int x = idx % w;
            for (int i = 0; i < k; i++) {
                int ty = y + pad - i;
                if (ty < 0 || ty % stride != 0 || ty / stride >= oh) {
                    continue;
                }
                int oy = ty / stride;
                for (int j = 0; j < k; j++) {
                    int tx = x + pad - j;
                    if (tx < 0 || tx % stride != 0 || tx / stride >= ow) {
                        continue;
                    }
                    int pos = oy * ow + tx / stride;
                    int p = c * kk + i * k + j;
                    for (int o = 0; o < st.out(); o++) {
                        int e = o * plane + pos;
                        if (!touched[e] && !moved[o]) {
                            touched[e] = true;
                            list[count++] = e;
                        }
                        delta[e] += sw.w[o * per + p] * d;
                    }
                }
            }
        }
        // changed weights: (w' - w) x at every output of their channel (all of them move)
        for (int q = 0; q < sw.changedAt.length; q++) {
            int o = sw.changedAt[q] / per;
            int p = sw.changedAt[q] % per;
            int c = p / kk;
            int i = p / k % k;
            int j = p % k;
            double dw = sw.changedBy[q];
            int ox0 = Math.max(0, (pad - j + stride - 1) / stride);
            int ox1 = Math.min(ow, Math.floorDiv(w - 1 + pad - j, stride) + 1);
            for (int oy = 0; oy < oh; oy++) {
                int y = oy * stride + i - pad;
                if (y < 0 || y >= h) {
                    continue;
                }
                int row = inBase + (c * h + y) * w + j - pad;
                int e0 = o * plane + oy * ow;
                for (int ox = ox0; ox < ox1; ox++) {
                    delta[e0 + ox] += dw * table[cleanIn[row + ox * stride] & 0xFF];
                }
            }
        }
        // the pooling windows the moved outputs lie in: every window of a changed channel, and those of the touched
        int pk = st.poolK();
        int ps = st.poolStride();
        int ph = st.ph();
        int pw = st.pw();
        int pooledCount = 0;
        for (int o = 0; o < st.out(); o++) {
            if (moved[o]) {
                for (int g = o * ph * pw; g < (o + 1) * ph * pw; g++) {
                    sc.pooledList[pooledCount++] = g;
                }
            }
        }
        for (int t = 0; t < count; t++) {
            int e = list[t];
            int o = e / plane;
            int y = e % plane / ow;
            int x = e % ow;
            int py0 = Math.max(0, Math.floorDiv(y - pk + ps, ps));
            int py1 = Math.min(ph - 1, y / ps);
            int px0 = Math.max(0, Math.floorDiv(x - pk + ps, ps));
            int px1 = Math.min(pw - 1, x / ps);
            for (int py = py0; py <= py1; py++) {
                for (int px = px0; px <= px1; px++) {
                    int g = (o * ph + py) * pw + px;
                    if (!sc.pooled[g]) {
                        sc.pooled[g] = true;
                        sc.pooledList[pooledCount++] = g;
                    }
                }
            }
        }
        float[] clean = cache.convOut[s];
        int outBase = image * st.outputSize();
        byte[] cleanNext = cache.codes[st.next()];
        int nextBase = image * st.nextSize();
        boolean actualReady = false;
        int exactCount = 0;
        for (int t = 0; t < pooledCount; t++) {
            int g = sc.pooledList[t];
            sc.pooled[g] = false;
            int o = g / (ph * pw);
            int py = g / pw % ph;
            int px = g % pw;
            double half = sw.halfWidth[o];
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < pk; a++) {
                for (int b = 0; b < pk; b++) {
                    int e = o * plane + (py * ps + a) * ow + px * ps + b;
                    double l;
                    double u;
                    if (moved[o] || touched[e]) {
                        double c = clean[outBase + e] + delta[e] + sw.biasBy[o];
                        l = activate(st, c - half);
                        u = activate(st, c + half);
                    } else {
                        l = activate(st, clean[outBase + e]);
                        u = l;
                    }
                    lo = Math.max(lo, l);
                    hi = Math.max(hi, u);
                }
            }
            int cLo = next.code(down(lo));
            int cHi = next.code(up(hi));
            byte code;
            if (cLo == cHi) {
                code = (byte) cLo;
            } else {
                if (!actualReady) {
                    for (int i = 0; i < st.inputSize(); i++) {
                        sc.actual[i] = table[cleanIn[inBase + i] & 0xFF];
                    }
                    for (int q = 0; q < in.count(); q++) {
                        sc.actual[in.index(q)] = table[in.code(q) & 0xFF];
                    }
                    actualReady = true;
                }
                float v = Float.NEGATIVE_INFINITY;
                for (int a = 0; a < pk; a++) {
                    for (int b = 0; b < pk; b++) {
                        int oy = py * ps + a;
                        int ox = px * ps + b;
                        int e = o * plane + oy * ow + ox;
                        float f = moved[o] || touched[e] ? exact(st, sw, sc.actual, o, oy, ox) : clean[outBase + e];
                        v = Math.max(v, activate(st, f));
                    }
                }
                code = (byte) next.code(v);
                exactCount++;
            }
            if (code != cleanNext[nextBase + g]) {
                out.add(g, code);
            }
        }
        for (int t = 0; t < count; t++) {
            touched[list[t]] = false;
            delta[list[t]] = 0;
        }
        for (int o = 0; o < st.out(); o++) {
            if (moved[o]) {
                java.util.Arrays.fill(delta, o * plane, (o + 1) * plane, 0.0);
            }
        }
        sc.certified += pooledCount - exactCount;
        sc.exact += exactCount;
    }

    /** The output at {@code (o, oy, ox)} as the full evaluation computes it. */
    static float exact(IfmDeltaPlan.ConvStage st, Weights sw, float[] x, int o, int oy, int ox) {
        int k = st.k();
        int h = st.h();
        int w = st.w();
        int base = o * st.terms();
        float s = sw.b[o];
        int p = 0;
        for (int c = 0; c < st.in(); c++) {
            for (int i = 0; i < k; i++) {
                int y = oy * st.stride() + i - st.pad();
                for (int j = 0; j < k; j++, p++) {
                    int xx = ox * st.stride() + j - st.pad();
                    float v = y >= 0 && y < h && xx >= 0 && xx < w ? x[(c * h + y) * w + xx] : 0f;
                    s = Math.fma(sw.w[base + p], v, s);
                }
            }
        }
        return s;
    }

    /** The stage's ReLU as {@link org.undervolt.nn.layer.Relu} computes it (identity where there is none). */
    static float activate(IfmDeltaPlan.ConvStage st, float v) {
        if (!st.relu()) {
            return v;
        }
        float r = Math.max(v, 0f);
        return r > st.cap() ? st.cap() : r;
    }

    /** The same on a bound: ReLU is monotone. */
    private static double activate(IfmDeltaPlan.ConvStage st, double v) {
        if (!st.relu()) {
            return v;
        }
        double r = Math.max(v, 0.0);
        return r > st.cap() ? st.cap() : r;
    }

    private static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    private static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }
}
