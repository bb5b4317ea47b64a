package org.undervolt.nn.testing;

import java.util.SplittableRandom;

import org.undervolt.data.ImageDataset;

/**
 * Tiny synthetic image sets for tests: class {@code c} is a bright square in one of four quadrants
 * (class mod 4) plus, for classes 4+, a bright centre bar, over uniform noise.
 */
public final class Synthetic {
    private Synthetic() {
    }

    public static ImageDataset quadrants(int n, int side, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * side * side];
        byte[] lb = new byte[n];
        int h = side / 2;
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(classes);
            lb[i] = (byte) c;
            int q = c % 4;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int v = r.nextInt(90);
                    boolean inQuad = (y < h) == (q < 2) && (x < h) == (q % 2 == 0);
                    boolean bar = c >= 4 && x == h;
                    if (inQuad || bar) {
                        v += 120 + r.nextInt(40);
                    }
                    px[i * side * side + y * side + x] = (byte) v;
                }
            }
        }
        return new ImageDataset("synthetic", side, side, px, lb, classes);
    }
}
