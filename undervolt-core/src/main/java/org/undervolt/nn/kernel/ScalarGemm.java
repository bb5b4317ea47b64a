package org.undervolt.nn.kernel;

/** The reference {@link Gemm}: three plain loops, one output at a time. */
public final class ScalarGemm implements Gemm {

    @Override
    public void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, boolean accumulate, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                float s = accumulate ? c[cOff + i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[aOff + i * k + p], b[bOff + p * n + j], s);
                }
                c[cOff + i * n + j] = s;
            }
        }
    }
}
