package org.undervolt.dram.error;

import java.util.SplittableRandom;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.undervolt.random.Seeds;

/**
 * Geometric gaps between successes of Bernoulli(p) trials, drawn a block at a time with the Vector
 * API: the same law as {@link GeometricSkip}, two to three times cheaper per draw, from a
 * different stream.
 *
 * <p><b>Stream.</b> Draw {@code j} of an injection uses the 64-bit value
 * {@code r_j = mix(key + j * gamma)} ({@link Seeds#mix}, the SplitMix64 finaliser over a Weyl
 * sequence; Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
 * {@link #open} takes {@code key} and an odd {@code gamma} from two values of the caller's
 * generator, so each injection has its own sequence. Because {@code r_j} depends only on {@code j},
 * draws can be made in any block size and on any vector width and still give the same gaps; the
 * caller's generator advances by exactly two values whatever the number of flips.
 *
 * <p><b>Law.</b> With {@code u_j = ((r_j >>> 11) | 1) 2^-53}, uniform on the odd multiples of
 * {@code 2^-53} in (0, 1), the gap is {@code floor(-ln(u_j) / lambda)} with
 * {@code lambda = -ln(1 - p)}: inversion of the geometric law, {@code P(G >= k) = (1 - p)^k}
 * (Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986, §X.2). The logarithm is computed
 * here from IEEE additions, multiplications and one division (no {@code Math.log}, no fused
 * multiply-add), so the vector kernel and its scalar twin {@link #fillScalar} agree bit for bit on
 * every platform: {@code u = 2^e m} with {@code m} in [sqrt(1/2), sqrt(2)),
 * {@code ln m = 2 atanh(s) = 2s (1 + z P(z))} with {@code s = (m - 1) / (m + 1)}, {@code z = s^2},
 * and P the polynomial of degree 6 fitted to {@code (atanh(s) / s - 1) / z} over
 * {@code z in [0, (3 - 2 sqrt 2)^2]} by Chebyshev least squares (mpmath {@code chebyfit}, 50
 * digits): with its coefficients rounded to doubles, {@code 1 + z P(z)} is within 5e-18 of
 * {@code atanh(s) / s} (the Taylor series would need two more terms for 1e-16). The result lies
 * within 4 units in the last place of {@code -ln u} (checked against {@code Math.log} in the tests); the law
 * differs from the geometric only through that rounding and the 2^-53 resolution of {@code u},
 * as {@link GeometricSkip}'s does.
 */
public final class BlockGeometricGaps {
    /**
     * Below this p the scaled logarithm could overflow, and p = 1 has no gaps to draw; callers use
     * {@link GeometricSkip} for both.
     */
    public static final double MIN_P = 1e-300;

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /**
     * Use the vector kernel only with 8 or more 64-bit lanes (AVX-512 and the like): JDK 17 compiles
     * 64-bit lane multiplies and long-to-double conversions only there. Results do not depend on it.
     */
    static final boolean VECTOR = LONGS.length() >= 8 && LONGS.length() == DOUBLES.length();
    /**
     * Gaps a process draws with the scalar twin before it turns to the vector kernel. Until the JIT
     * has compiled it (thousands of calls), the Vector API runs 10^3 to 10^4 times slower than
     * compiled code, a tax (a few tenths of a second, see {@link #COMPILED_NANOS}) that only long
     * runs earn back; short runs (one injection from the command line) never pay it. Results do not
     * depend on it.
     */
    static final long SCALAR_GAPS = 1L << 21;
    /**
     * After the scalar phase, the vector kernel gets one vector per block (the scalar twin does the
     * rest) until one such call takes less than this: compiled, it takes tens of nanoseconds;
     * interpreted or compiled without the Vector API intrinsics (C1), microseconds. These cheap calls
     * bring it to the JIT's compile thresholds (a few thousand invocations) in a fraction of the
     * time whole blocks would take.
     */
    static final long COMPILED_NANOS = 500;
    /** Gaps drawn in this process, counted without synchronisation: a heuristic, never a result. */
    private static long drawnInProcess;
    /** Whether a one-vector call has run at compiled speed, likewise a heuristic. */
    private static boolean vectorCompiled;

    private static final long FRACTION = (1L << 52) - 1;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final long SQRT2_BITS = Double.doubleToRawLongBits(Math.sqrt(2));
    /** 1 and then P's coefficients, constant term first (see the class comment). */
    private static final double[] SERIES = {1, 0.3333333333333335, 0.19999999999949722, 0.14285714313001635,
        0.11111105565129939, 0.09091444727837474, 0.07665855309105386, 0.07308292712444311};
    private static final int TERMS = SERIES.length;

    private final double p;
    /** -ln(2) / lambda: the gap per unit of binary exponent of u. */
    private final double perExponent;
    /** c_n = -2 SERIES[n] / lambda: the atanh series scaled to gaps. */
    private final double[] c = new double[TERMS];

    public BlockGeometricGaps(double p) {
        if (!(p >= MIN_P && p < 1)) {
            throw new IllegalArgumentException("probability must be in [" + MIN_P + ", 1), not " + p);
        }
        this.p = p;
        double inverseRate = -1.0 / Math.log1p(-p);
        this.perExponent = -Math.log(2) * inverseRate;
        for (int n = 0; n < TERMS; n++) {
            c[n] = -2.0 * inverseRate * SERIES[n];
        }
    }

    public double p() {
        return p;
    }

    /** The lanes of the vector kernel; block sizes need not be multiples of it, but run faster if they are. */
    public static int lanes() {
        return LONGS.length();
    }

    /** The key and gamma of one injection's stream: two values of {@code rng}. */
    public static long[] open(SplittableRandom rng) {
        long key = rng.nextLong();
        long gamma = Seeds.mix(rng.nextLong()) | 1;
        // As in SplitMix64: a gamma with few 01/10 bit transitions gives poorly mixed Weyl sequences.
        if (Long.bitCount(gamma ^ (gamma >>> 1)) < 24) {
            gamma ^= 0xAAAAAAAAAAAAAAAAL;
        }
        return new long[] {key, gamma};
    }

    /**
     * Writes the gaps of draws {@code first .. first + n - 1} to {@code out[0, n)}, as doubles whose
     * truncation to {@code long} is the gap (saturating at {@link Long#MAX_VALUE}).
     */
    public void fill(long key, long gamma, long first, double[] out, int n) {
        int k = 0;
        if (VECTOR && drawnInProcess > SCALAR_GAPS) {
            if (vectorCompiled) {
                k = fillVector(key, gamma, first, out, n);
            } else {
                long start = System.nanoTime();
                k = fillVector(key, gamma, first, out, Math.min(n, LONGS.length()));
                vectorCompiled = System.nanoTime() - start < COMPILED_NANOS;
            }
        } else {
            drawnInProcess += n;
        }
        fillScalar(key, gamma, first + k, out, k, n - k);
    }

    /** The scalar twin: gaps of draws {@code first ..} into {@code out[at, at + n)}. */
    void fillScalar(long key, long gamma, long first, double[] out, int at, int n) {
        for (int k = 0; k < n; k++) {
            out[at + k] = gap(Seeds.mix(key + (first + k) * gamma));
        }
    }

    /** The gap, as a double, for one 64-bit random value. */
    double gap(long r) {
        long bits = Double.doubleToRawLongBits((double) ((r >>> 11) | 1));
        long e = (bits >>> 52) - 1023 - 53;
        long mb = bits & FRACTION | ONE_BITS;
        long half = (SQRT2_BITS - 1 - mb) >> 63; // -1 where m >= sqrt 2: halve m
        mb += half << 52;
        e -= half;
        double f = Double.longBitsToDouble(mb) - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double[] c = this.c;
        double q = c[7];
        q = q * z + c[6];
        q = q * z + c[5];
        q = q * z + c[4];
        q = q * z + c[3];
        q = q * z + c[2];
        q = q * z + c[1];
        q = q * z + c[0];
        return (double) e * perExponent + s * q;
    }

    /** The vector kernel over whole vectors of {@code [0, n)}; returns how many it wrote. */
    int fillVector(long key, long gamma, long first, double[] out, int n) {
        int lanes = LONGS.length();
        int whole = n - n % lanes;
        if (whole == 0) {
            return 0;
        }
        LongVector weyl = LongVector.zero(LONGS).addIndex(1).add(first).mul(gamma).add(key);
        LongVector step = LongVector.broadcast(LONGS, lanes * gamma);
        DoubleVector c0 = DoubleVector.broadcast(DOUBLES, c[0]);
        DoubleVector c1 = DoubleVector.broadcast(DOUBLES, c[1]);
        DoubleVector c2 = DoubleVector.broadcast(DOUBLES, c[2]);
        DoubleVector c3 = DoubleVector.broadcast(DOUBLES, c[3]);
        DoubleVector c4 = DoubleVector.broadcast(DOUBLES, c[4]);
        DoubleVector c5 = DoubleVector.broadcast(DOUBLES, c[5]);
        DoubleVector c6 = DoubleVector.broadcast(DOUBLES, c[6]);
        DoubleVector c7 = DoubleVector.broadcast(DOUBLES, c[7]);
        DoubleVector perE = DoubleVector.broadcast(DOUBLES, perExponent);
        LongVector belowSqrt2 = LongVector.broadcast(LONGS, SQRT2_BITS - 1);
        for (int k = 0; k < whole; k += lanes) {
            LongVector r = weyl;
            weyl = weyl.add(step);
            r = r.lanewise(VectorOperators.XOR, r.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            r = r.lanewise(VectorOperators.XOR, r.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            r = r.lanewise(VectorOperators.XOR, r.lanewise(VectorOperators.LSHR, 31));
            LongVector bits = ((DoubleVector) r.lanewise(VectorOperators.LSHR, 11).or(1L)
                    .convert(VectorOperators.L2D, 0)).reinterpretAsLongs();
            LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023 + 53);
            LongVector mb = bits.and(FRACTION).or(ONE_BITS);
            LongVector half = belowSqrt2.sub(mb).lanewise(VectorOperators.ASHR, 63);
            mb = mb.add(half.lanewise(VectorOperators.LSHL, 52));
            e = e.sub(half);
            DoubleVector f = mb.reinterpretAsDoubles().sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector q = c7.mul(z).add(c6);
            q = q.mul(z).add(c5);
            q = q.mul(z).add(c4);
            q = q.mul(z).add(c3);
            q = q.mul(z).add(c2);
            q = q.mul(z).add(c1);
            q = q.mul(z).add(c0);
            DoubleVector de = (DoubleVector) e.convert(VectorOperators.L2D, 0);
            de.mul(perE).add(s.mul(q)).intoArray(out, k);
        }
        return whole;
    }
}
