package org.undervolt.nn.onnx;

import java.util.Arrays;

/** Shape arithmetic shared by the operators: products, strides, axes, multidirectional broadcasting. */
final class Shapes {
    private Shapes() {
    }

    /** Product of {@code shape[from..to)}. */
    static int product(int[] shape, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n *= shape[i];
        }
        return Math.toIntExact(n);
    }

    /** Row-major strides. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** An axis in {@code [-rank, rank)} (or {@code [-rank, rank]} when {@code inclusive}) as a non-negative index. */
    static int axis(long axis, int rank, boolean inclusive, String what) {
        int hi = inclusive ? rank : rank - 1;
        if (axis < -rank || axis > hi) {
            throw new IllegalArgumentException(what + " " + axis + " out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** The multidirectional (NumPy) broadcast of two shapes; IllegalArgumentException if incompatible. */
    static int[] broadcast(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides of {@code shape} aligned to the right of {@code out}, zero where {@code shape} is broadcast. */
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] s = strides(shape);
        int[] r = new int[out.length];
        int off = out.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            r[off + i] = shape[i] == 1 ? 0 : s[i];
        }
        return r;
    }

    /** Element offsets into a broadcast operand for every output position, row-major. */
    static int[] broadcastIndex(int[] shape, int[] out) {
        return stridedIndex(out, broadcastStrides(shape, out));
    }

    /** For every position of {@code out}, row-major, the offset {@code Σ position[d]·st[d]} of its source element. */
    static int[] stridedIndex(int[] out, int[] st) {
        int n = (int) NdArray.count(out);
        int[] idx = new int[n];
        int[] pos = new int[out.length];
        int off = 0;
        for (int i = 0; i < n; i++) {
            idx[i] = off;
            for (int d = out.length - 1; d >= 0; d--) {
                pos[d]++;
                off += st[d];
                if (pos[d] < out[d]) {
                    break;
                }
                off -= st[d] * pos[d];
                pos[d] = 0;
            }
        }
        return idx;
    }

    static void requireRank(NdArray t, int rank, String what) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(what + " must have rank " + rank + ", got " + t);
        }
    }
}
