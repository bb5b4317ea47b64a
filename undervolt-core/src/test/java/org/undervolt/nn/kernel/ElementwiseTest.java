package org.undervolt.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ElementwiseTest {

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void reluMatchesMathMaxIncludingNanAndSignedZero() {
        for (int n : new int[] {0, 1, 15, 16, 17, 33, 100}) {
            float[] x = random(n, n);
            if (n > 3) {
                x[1] = Float.NaN;
                x[2] = -0f;
                x[3] = Float.NEGATIVE_INFINITY;
            }
            float[] y = new float[n];
            Elementwise.relu(x, y);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(y[i])).as("n=%d i=%d", n, i)
                        .isEqualTo(Float.floatToRawIntBits(Math.max(x[i], 0f)));
            }
            float[] g = random(n, n + 1);
            float[] gx = new float[n];
            Elementwise.reluBackward(y, g, gx);
            for (int i = 0; i < n; i++) {
                assertThat(gx[i]).isEqualTo(y[i] > 0f ? g[i] : 0f);
            }
        }
    }

    @Test
    void zeroOutsideZeroesExactlyTheValuesOutsideTheClosedRangeAndNan() {
        for (int n : new int[] {0, 1, 15, 16, 17, 33, 100}) {
            float[] x = random(n, 7 * n);
            if (n > 5) {
                x[1] = Float.NaN;
                x[2] = 0.5f;   // the bounds themselves stay
                x[3] = -0.25f;
                x[4] = Float.POSITIVE_INFINITY;
                x[5] = -0f;
            }
            float[] y = x.clone();
            int zeroed = Elementwise.zeroOutside(y, -0.25f, 0.5f);
            int expected = 0;
            for (int i = 0; i < n; i++) {
                boolean inside = x[i] >= -0.25f && x[i] <= 0.5f;
                expected += inside ? 0 : 1;
                assertThat(Float.floatToRawIntBits(y[i])).as("n=%d i=%d", n, i)
                        .isEqualTo(Float.floatToRawIntBits(inside ? x[i] : 0f));
            }
            assertThat(zeroed).isEqualTo(expected);
        }
    }

    /** Direct 2x2 pooling gives the scalar reference's bits (any NaN for a window holding NaNs). */
    @Test
    void directTwoByTwoPoolingMatchesTheScalarReferenceBitForBit() {
        int[][] cases = {{28, 28, 6}, {10, 10, 16}, {7, 9, 3}, {2, 2, 1}, {5, 4, 2}};
        for (int[] c : cases) {
            int h = c[0];
            int w = c[1];
            int planes = c[2];
            int oh = h / 2;
            int ow = w / 2;
            float[] x = random(5 + planes * h * w, h * 131L + w);
            x[5 + w] = Float.intBitsToFloat(0x7fc00001);      // two NaNs of different payloads in one window
            x[5 + w + 1] = Float.intBitsToFloat(0x7fc00002);
            x[5 + 2] = -0f;
            x[5 + 3] = 0f;
            if (h * w > 40) {
                x[5 + 2 * w + 3] = Float.intBitsToFloat(0xffc00003);
            }
            float[] direct = new float[planes * oh * ow];
            Pool.maxPlanes2x2(x, 5, planes, h, w, direct, 0);
            int[][] maps = Pool.windowOffsets(w, oh, ow, 2, 2);
            float[] ref = new float[planes * oh * ow];
            for (int p = 0; p < planes; p++) {
                Pool.maxPlaneScalar(x, 5 + p * h * w, maps, oh * ow, ref, p * oh * ow);
            }
            for (int i = 0; i < ref.length; i++) {
                // a NaN's payload is what Math.max returns, which compiled code does not fix: NaN matches NaN
                assertThat(Float.floatToIntBits(direct[i])).as("%dx%d output %d", h, w, i)
                        .isEqualTo(Float.floatToIntBits(ref[i]));
            }
        }
    }

    /** Called often enough for the JIT's optimising compiler to take the lane passes over: still the reference. */
    @Test
    void compiledTwoByTwoPoolingMatchesTheScalarLoop() {
        int[][] cases = {{28, 28, 6}, {10, 10, 16}, {24, 24, 3}, {8, 8, 5}};
        for (int[] c : cases) {
            int h = c[0];
            int w = c[1];
            int planes = c[2];
            float[] x = random(planes * h * w + 3, 17L * h + w);
            x[3 + w + 1] = -0f;
            x[3 + w] = 0f;
            x[7] = Float.NaN;
            float[] ref = new float[planes * (h / 2) * (w / 2)];
            Pool.maxPlanes2x2Scalar(x, 3, planes, h, w, ref, 0);
            float[] y = new float[ref.length];
            for (int rep = 0; rep < 2000; rep++) {
                Pool.maxPlanes2x2(x, 3, planes, h, w, y, 0);
                if (rep % 500 == 0 || rep == 1999) {
                    for (int i = 0; i < ref.length; i++) {
                        assertThat(Float.floatToIntBits(y[i])).as("%dx%d rep %d output %d", h, w, rep, i)
                                .isEqualTo(Float.floatToIntBits(ref[i]));
                    }
                }
            }
        }
    }

    @Test
    void vectorMaxPoolingMatchesScalarOverAwkwardShapes() {
        int[][] cases = {{28, 28, 2, 2}, {10, 10, 2, 2}, {7, 9, 3, 2}, {5, 5, 5, 1}, {33, 17, 2, 1}, {4, 4, 1, 1}};
        for (int[] c : cases) {
            int h = c[0];
            int w = c[1];
            int k = c[2];
            int s = c[3];
            int oh = (h - k) / s + 1;
            int ow = (w - k) / s + 1;
            float[] x = random(3 + h * w, h * 31L + w);
            x[3 + w + 1] = Float.NaN;
            x[3 + 2 * w + 2] = x[3 + 2 * w + 3]; // a tie: the first of the two wins
            int[][] maps = Pool.windowOffsets(w, oh, ow, k, s);
            float[] ys = new float[oh * ow];
            float[] yv = new float[oh * ow];
            Pool.maxPlaneScalar(x, 3, maps, oh * ow, ys, 0);
            Pool.maxPlane(x, 3, maps, oh * ow, yv, 0);
            assertThat(yv).containsExactly(ys);
            int[] as = new int[oh * ow];
            int[] av = new int[oh * ow];
            Pool.argmaxPlaneScalar(x, 3, maps, oh * ow, ys, 0, as, 0);
            Pool.argmaxPlane(x, 3, maps, oh * ow, ys, 0, av, 0);
            assertThat(av).containsExactly(as);
            for (int o = 0; o < oh * ow; o++) {
                assertThat(Float.valueOf(x[as[o]])).isEqualTo(Float.valueOf(ys[o]));
            }
            if (k >= 2) {
                assertThat(ys[0]).as("the window at the origin holds the NaN").isNaN();
            }
        }
    }
}
