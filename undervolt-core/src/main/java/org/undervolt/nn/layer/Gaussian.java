package org.undervolt.nn.layer;

import java.util.SplittableRandom;

/** Standard normal deviates from a {@link SplittableRandom} (Marsaglia polar method, one value per call). */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
