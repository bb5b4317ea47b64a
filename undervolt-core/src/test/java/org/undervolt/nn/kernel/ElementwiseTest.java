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
