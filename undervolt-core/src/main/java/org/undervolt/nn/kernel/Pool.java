package org.undervolt.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max-pooling kernel: the maximum of each {@code k × k} window of a plane, with {@link Math#max}
 * semantics (a NaN in the window gives NaN). Windows are gathered {@code L} outputs at a time with
 * the Vector API; {@link #maxPlaneScalar} is the reference.
 */
public final class Pool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);

    private Pool() {
    }

    /** For each output of an {@code oh × ow} grid, the plane offset of each of the k·k window elements: {@code [k*k][oh*ow]}. */
    public static int[][] windowOffsets(int w, int oh, int ow, int k, int stride) {
        int[][] maps = new int[k * k][oh * ow];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int[] m = maps[i * k + j];
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        m[oy * ow + ox] = (oy * stride + i) * w + ox * stride + j;
                    }
                }
            }
        }
        return maps;
    }

    /**
     * Planes to process together so that their outputs fill whole vectors: the smallest {@code G}
     * with {@code G · outputs} a multiple of the vector length.
     */
    public static int planesPerGroup(int outputs) {
        int a = outputs;
        int b = L;
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return L / a;
    }

    /** {@link #windowOffsets} repeated for {@code planes} consecutive planes of {@code planeSize} elements. */
    public static int[][] groupOffsets(int[][] maps, int planes, int planeSize) {
        int outs = maps[0].length;
        int[][] g = new int[maps.length][outs * planes];
        for (int e = 0; e < maps.length; e++) {
            for (int p = 0; p < planes; p++) {
                for (int q = 0; q < outs; q++) {
                    g[e][p * outs + q] = p * planeSize + maps[e][q];
                }
            }
        }
        return g;
    }

    /** Reference: {@code y[yOff + o] = max over the window of output o} of the plane at {@code x[xOff]}. */
    public static void maxPlaneScalar(float[] x, int xOff, int[][] maps, int outputs, float[] y, int yOff) {
        for (int o = 0; o < outputs; o++) {
            float m = x[xOff + maps[0][o]];
            for (int e = 1; e < maps.length; e++) {
                m = Math.max(m, x[xOff + maps[e][o]]);
            }
            y[yOff + o] = m;
        }
    }

    /** Vector twin of {@link #maxPlaneScalar}: gathers and lane-wise maxima, scalar for the last outputs. */
    public static void maxPlane(float[] x, int xOff, int[][] maps, int outputs, float[] y, int yOff) {
        int o = 0;
        for (; o + L <= outputs; o += L) {
            FloatVector m = FloatVector.fromArray(S, x, xOff, maps[0], o);
            for (int e = 1; e < maps.length; e++) {
                m = m.max(FloatVector.fromArray(S, x, xOff, maps[e], o));
            }
            m.intoArray(y, yOff + o);
        }
        for (; o < outputs; o++) {
            float m = x[xOff + maps[0][o]];
            for (int e = 1; e < maps.length; e++) {
                m = Math.max(m, x[xOff + maps[e][o]]);
            }
            y[yOff + o] = m;
        }
    }

    /** Half a vector: the pairs of one float vector, as longs, give this many outputs. */
    private static final int H = L / 2;
    /** Ints of half a vector's length; null where that is no vector shape (then the scalar loop runs). */
    private static final VectorSpecies<Integer> HS = H * 32 >= 64 ? VectorSpecies.of(int.class,
            jdk.incubator.vector.VectorShape.forBitSize(H * 32)) : null;
    /** {@link Scratch} slot of the row maxima. */
    private static final int SCRATCH = 5;

    /**
     * {@link #maxPlaneScalar} for {@code 2 × 2} windows at stride 2 over {@code planes} consecutive planes of
     * {@code h × w} elements, indexed directly. {@link Math#max} is commutative and associative on values, so any
     * grouping gives the outputs of the window order (a window with a NaN gives a NaN; which payload, compiled
     * {@code Math.max} does not fix either way). Two passes in vector lanes: where a row's pairs fill a vector
     * ({@code 2 (w / 2) >= L}) the two rows of each window first (whole vectors along the rows), then the pairs of
     * the result; else the pairs first, over all planes at once (they are contiguous when {@code w} is even), then
     * the two rows. The pairs of a vector are its lanes read as longs: the low and the high halves, narrowed to ints
     * and read as floats, are the pair's two values, whose lane-wise maximum is the output (no gathers or shuffles,
     * which JDK 17 does not compile well). Odd {@code w}: {@link #maxPlanes2x2Scalar}.
     */
    public static void maxPlanes2x2(float[] x, int xOff, int planes, int h, int w, float[] y, int yOff) {
        int oh = h / 2;
        int ow = w / 2;
        if (HS == null || w % 2 != 0) {
            maxPlanes2x2Scalar(x, xOff, planes, h, w, y, yOff);
            return;
        }
        if (w >= L) {
            // the two rows of each window, then the pairs
            float[] rows = Scratch.floats(SCRATCH, oh * w);
            for (int p = 0; p < planes; p++) {
                int in = xOff + p * h * w;
                for (int oy = 0; oy < oh; oy++) {
                    int r0 = in + 2 * oy * w;
                    int r1 = r0 + w;
                    int t = oy * w;
                    int c = 0;
                    for (; c + L <= w; c += L) {
                        FloatVector.fromArray(S, x, r0 + c).max(FloatVector.fromArray(S, x, r1 + c)).intoArray(rows, t + c);
                    }
                    for (; c < w; c++) {
                        rows[t + c] = Math.max(x[r0 + c], x[r1 + c]);
                    }
                }
                pairs(rows, 0, oh * ow, y, yOff + p * oh * ow);
            }
            return;
        }
        // the pairs of all planes' rows (contiguous), then the two rows of each window
        int half = planes * h * ow;
        float[] cols = Scratch.floats(SCRATCH, half);
        pairs(x, xOff, half, cols, 0);
        int o = yOff;
        for (int p = 0; p < planes; p++) {
            int in = p * h * ow;
            for (int oy = 0; oy < oh; oy++) {
                int r0 = in + 2 * oy * ow;
                int r1 = r0 + ow;
                for (int c = 0; c < ow; c++) {
                    y[o + c] = Math.max(cols[r0 + c], cols[r1 + c]);
                }
                o += ow;
            }
        }
    }

    /** {@code y[yOff + j] = Math.max(x[xOff + 2j], x[xOff + 2j + 1])} for {@code j < n}. */
    private static void pairs(float[] x, int xOff, int n, float[] y, int yOff) {
        int j = 0;
        for (; j + H <= n; j += H) {
            LongVector v = FloatVector.fromArray(S, x, xOff + 2 * j).reinterpretAsLongs();
            FloatVector first = v.convertShape(VectorOperators.L2I, HS, 0).reinterpretAsFloats();
            FloatVector second = v.lanewise(VectorOperators.LSHR, 32).convertShape(VectorOperators.L2I, HS, 0)
                    .reinterpretAsFloats();
            first.max(second).intoArray(y, yOff + j);
        }
        for (; j < n; j++) {
            y[yOff + j] = Math.max(x[xOff + 2 * j], x[xOff + 2 * j + 1]);
        }
    }

    /** {@link #maxPlanes2x2}'s scalar loop: two row maxima, then the pair's maximum. */
    static void maxPlanes2x2Scalar(float[] x, int xOff, int planes, int h, int w, float[] y, int yOff) {
        int oh = h / 2;
        int ow = w / 2;
        for (int p = 0; p < planes; p++) {
            int in = xOff + p * h * w;
            int out = yOff + p * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int r0 = in + 2 * oy * w;
                int r1 = r0 + w;
                int o = out + oy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int c = 2 * ox;
                    y[o + ox] = Math.max(Math.max(x[r0 + c], x[r0 + c + 1]), Math.max(x[r1 + c], x[r1 + c + 1]));
                }
            }
        }
    }

    /**
     * Reference: writes to {@code arg[argOff + o]} the plane offset ({@code + xOff}) of the first
     * window element (row-major) equal to the window's maximum {@code y[yOff + o]}, a NaN matching a NaN.
     */
    public static void argmaxPlaneScalar(float[] x, int xOff, int[][] maps, int outputs, float[] y, int yOff,
                                         int[] arg, int argOff) {
        argmaxRange(x, xOff, maps, 0, outputs, y, yOff, arg, argOff);
    }

    private static void argmaxRange(float[] x, int xOff, int[][] maps, int from, int to, float[] y, int yOff,
                                    int[] arg, int argOff) {
        for (int o = from; o < to; o++) {
            arg[argOff + o] = xOff + maps[0][o];
            float max = y[yOff + o];
            for (int[] m : maps) {
                float v = x[xOff + m[o]];
                if (v == max || v != v && max != max) {
                    arg[argOff + o] = xOff + m[o];
                    break;
                }
            }
        }
    }

    /** Vector twin of {@link #argmaxPlaneScalar}: scans the window backwards, keeping the last (= first) match. */
    public static void argmaxPlane(float[] x, int xOff, int[][] maps, int outputs, float[] y, int yOff,
                                   int[] arg, int argOff) {
        int o = 0;
        int last = maps.length - 1;
        for (; o + L <= outputs; o += L) {
            FloatVector max = FloatVector.fromArray(S, y, yOff + o);
            VectorMask<Float> maxNan = max.test(VectorOperators.IS_NAN);
            IntVector idx = IntVector.fromArray(IS, maps[0], o);
            for (int e = last; e >= 0; e--) {
                FloatVector v = FloatVector.fromArray(S, x, xOff, maps[e], o);
                VectorMask<Float> hit = v.compare(VectorOperators.EQ, max).or(v.test(VectorOperators.IS_NAN).and(maxNan));
                idx = idx.blend(IntVector.fromArray(IS, maps[e], o), hit.cast(IS));
            }
            idx.add(xOff).intoArray(arg, argOff + o);
        }
        argmaxRange(x, xOff, maps, o, outputs, y, yOff, arg, argOff);
    }
}
