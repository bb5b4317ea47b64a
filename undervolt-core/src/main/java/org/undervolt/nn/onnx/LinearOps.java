package org.undervolt.nn.onnx;

import java.util.Arrays;

/** Gemm, MatMul and inference-mode BatchNormalization. Products are accumulated in double. */
final class LinearOps {
    private LinearOps() {
    }

    /**
     * Gemm: {@code Y = alpha · A' · B' + beta · C}, {@code A'} = A or Aᵀ ({@code transA}),
     * {@code B'} likewise; C (optional) broadcasts to {@code [M, N]}.
     */
    static NdArray[] gemm(OnnxNode node, NdArray[] in, long opset) {
        Shapes.requireRank(in[0], 2, "A");
        Shapes.requireRank(in[1], 2, "B");
        boolean ta = node.intAttr("transA", 0) != 0;
        boolean tb = node.intAttr("transB", 0) != 0;
        float alpha = node.floatAttr("alpha", 1f);
        float beta = node.floatAttr("beta", 1f);
        int m = ta ? in[0].dim(1) : in[0].dim(0);
        int k = ta ? in[0].dim(0) : in[0].dim(1);
        int kb = tb ? in[1].dim(1) : in[1].dim(0);
        int n = tb ? in[1].dim(0) : in[1].dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("inner dimensions differ: A " + in[0] + ", B " + in[1]
                    + (ta ? " (transA)" : "") + (tb ? " (transB)" : ""));
        }
        float[] a = in[0].floats();
        float[] b = in[1].floats();
        int[] shape = {m, n};
        int[] ci = null;
        float[] c = null;
        if (in.length > 2 && in[2] != null) {
            int[] cs = in[2].shape();
            if (!Arrays.equals(Shapes.broadcast(cs, shape), shape)) {
                throw new IllegalArgumentException("C " + in[2] + " does not broadcast to [" + m + ", " + n + "]");
            }
            ci = Shapes.broadcastIndex(cs, shape);
            c = in[2].floats();
        }
        float[] y = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = ta ? a[p * m + i] : a[i * k + p];
                    float bv = tb ? b[j * k + p] : b[p * n + j];
                    s += (double) av * bv;
                }
                double v = alpha * s;
                if (c != null) {
                    v += (double) beta * c[ci[i * n + j]];
                }
                y[i * n + j] = (float) v;
            }
        }
        return new NdArray[] {NdArray.of(shape, y)};
    }

    /** MatMul with NumPy semantics: 1-D operands are promoted and the batch dimensions broadcast. */
    static NdArray[] matmul(OnnxNode node, NdArray[] in, long opset) {
        int[] as = in[0].shape();
        int[] bs = in[1].shape();
        if (as.length == 0 || bs.length == 0) {
            throw new IllegalArgumentException("operands must have rank 1 or more");
        }
        boolean aVec = as.length == 1;
        boolean bVec = bs.length == 1;
        int[] a2 = aVec ? new int[] {1, as[0]} : as;
        int[] b2 = bVec ? new int[] {bs[0], 1} : bs;
        int m = a2[a2.length - 2];
        int k = a2[a2.length - 1];
        int n = b2[b2.length - 1];
        if (b2[b2.length - 2] != k) {
            throw new IllegalArgumentException("inner dimensions differ: " + Arrays.toString(as) + " x " + Arrays.toString(bs));
        }
        int[] batchA = Arrays.copyOf(a2, a2.length - 2);
        int[] batchB = Arrays.copyOf(b2, b2.length - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int[] ia = Shapes.broadcastIndex(batchA, batch);
        int[] ib = Shapes.broadcastIndex(batchB, batch);
        float[] a = in[0].floats();
        float[] b = in[1].floats();
        int count = ia.length;
        float[] y = new float[count * m * n];
        for (int t = 0; t < count; t++) {
            int ao = ia[t] * m * k;
            int bo = ib[t] * k * n;
            int yo = t * m * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (double) a[ao + i * k + p] * b[bo + p * n + j];
                    }
                    y[yo + i * n + j] = (float) s;
                }
            }
        }
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        if (aVec || bVec) {
            int[] squeezed = new int[shape.length - (aVec ? 1 : 0) - (bVec ? 1 : 0)];
            System.arraycopy(batch, 0, squeezed, 0, batch.length);
            int p = batch.length;
            if (!aVec) {
                squeezed[p++] = m;
            }
            if (!bVec) {
                squeezed[p] = n;
            }
            shape = squeezed;
        }
        return new NdArray[] {NdArray.of(shape, y)};
    }

    /**
     * BatchNormalization at inference: {@code y = scale · (x − mean) / sqrt(var + epsilon) + B}
     * per channel (dimension 1); {@code epsilon} defaults to 1e-5.
     */
    static NdArray[] batchNorm(OnnxNode node, NdArray[] in, long opset) {
        if (node.outputs().size() > 1 || node.intAttr("training_mode", 0) != 0) {
            throw new IllegalArgumentException("training mode (running statistics outputs) not supported");
        }
        if (node.intAttr("spatial", 1) != 1) {
            throw new IllegalArgumentException("spatial = 0 not supported");
        }
        int[] s = in[0].shape();
        if (s.length < 2) {
            throw new IllegalArgumentException("X must have rank 2 or more, got " + in[0]);
        }
        int c = s[1];
        for (int i = 1; i <= 4; i++) {
            if (in[i] == null || in[i].size() != c) {
                throw new IllegalArgumentException("input " + i + " must hold " + c + " values (one per channel)");
            }
        }
        double eps = node.floatAttr("epsilon", 1e-5f);
        float[] x = in[0].floats();
        float[] scale = in[1].floats();
        float[] bias = in[2].floats();
        float[] mean = in[3].floats();
        float[] var = in[4].floats();
        int plane = Shapes.product(s, 2, s.length);
        float[] y = new float[x.length];
        for (int b = 0; b < s[0]; b++) {
            for (int ch = 0; ch < c; ch++) {
                double k = scale[ch] / Math.sqrt(var[ch] + eps);
                int off = (b * c + ch) * plane;
                for (int p = off; p < off + plane; p++) {
                    y[p] = (float) ((x[p] - mean[ch]) * k + bias[ch]);
                }
            }
        }
        return new NdArray[] {NdArray.of(s, y)};
    }
}
