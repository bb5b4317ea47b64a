package org.undervolt.nn.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.undervolt.nn.kernel.Gemm;
import org.undervolt.nn.kernel.Matmul;

/**
 * The int8 × int8 → int32 product of {@link Int8Gemm}, computed exactly on the single-precision kernel.
 *
 * <p>Every product of two int8 values is an integer of magnitude at most {@code 128 · 128 = 2^14}, so every partial
 * sum of at most {@value #EXACT_TERMS} of them is an integer of magnitude at most {@code 2^24}, which a float holds
 * exactly: fused multiply-adds over such a chunk round nothing, whatever their order. The operands are widened to
 * float once, the chunk's product runs on {@link Matmul#kernel()} (16 fused multiply-adds an instruction with
 * AVX-512, no byte-to-int widening in the inner loop), and chunks of a longer {@code k} are summed in int32. The
 * result equals {@link Int8Gemm#scalar} bit for bit (tested, extremes included); int32 overflow is excluded as there.
 */
public final class FloatExactInt8Gemm {
    /** Terms a float accumulator sums exactly: {@code 2^24 / 2^14}. */
    public static final int EXACT_TERMS = 1 << 10;

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class,
            jdk.incubator.vector.VectorShape.forBitSize(FS.length() * 8));

    private FloatExactInt8Gemm() {
    }

    /** {@code C = A · B}: {@code A} is {@code m × k}, {@code B} {@code k × n}, {@code C} {@code m × n}, row-major. */
    public static void multiply(byte[] a, int aOff, byte[] b, int bOff, int[] c, int cOff, int m, int n, int k) {
        Gemm gemm = Matmul.kernel();
        int chunk = Math.min(k, EXACT_TERMS);
        float[] af = new float[m * chunk];
        float[] bf = new float[chunk * n];
        float[] cf = new float[m * n];
        for (int p0 = 0; p0 < k; p0 += chunk) {
            int kc = Math.min(chunk, k - p0);
            for (int i = 0; i < m; i++) {
                widen(a, aOff + i * k + p0, af, i * kc, kc);
            }
            widen(b, bOff + p0 * n, bf, 0, kc * n);
            gemm.multiply(af, 0, bf, 0, cf, 0, m, n, kc, false);
            for (int i = 0; i < m * n; i++) {
                int v = (int) cf[i];
                c[cOff + i] = p0 == 0 ? v : c[cOff + i] + v;
            }
        }
    }

    /** Writes {@code count} int8 values from {@code src[from..]} as floats to {@code dst[to..]}, a vector at a time. */
    static void widen(byte[] src, int from, float[] dst, int to, int count) {
        int i = 0;
        for (int bound = BS.loopBound(count); i < bound; i += BS.length()) {
            ((FloatVector) ByteVector.fromArray(BS, src, from + i).convertShape(VectorOperators.B2F, FS, 0))
                    .intoArray(dst, to + i);
        }
        for (; i < count; i++) {
            dst[to + i] = src[from + i];
        }
    }
}
