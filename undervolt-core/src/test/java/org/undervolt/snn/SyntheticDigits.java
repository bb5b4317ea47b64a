package org.undervolt.snn;

import java.util.SplittableRandom;

import org.undervolt.data.ImageDataset;
import org.undervolt.random.Seeds;

/** Tiny MNIST-shaped test data: class c is a bright 7x7 block at one of 10 places, plus noise. */
public final class SyntheticDigits {
    private SyntheticDigits() {
    }

    public static ImageDataset make(int count, long seed) {
        SplittableRandom rng = Seeds.stream(seed, 99);
        byte[] px = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int c = rng.nextInt(10);
            labels[i] = (byte) c;
            int r0 = 2 + (c / 5) * 13;
            int c0 = 1 + (c % 5) * 5;
            for (int r = 0; r < 7; r++) {
                for (int q = 0; q < 7; q++) {
                    if (rng.nextDouble() < 0.9) {
                        px[i * 784 + (r0 + r) * 28 + Math.min(27, c0 + q)] = (byte) (180 + rng.nextInt(76));
                    }
                }
            }
            for (int k = 0; k < 10; k++) {
                px[i * 784 + rng.nextInt(784)] = (byte) rng.nextInt(256);
            }
        }
        return new ImageDataset("synthetic", 28, 28, px, labels, 10);
    }
}
