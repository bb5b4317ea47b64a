package org.undervolt.fault;

import java.util.SplittableRandom;

import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.SequentialPlacement;

/**
 * Synthetic images for injection runs and benchmarks: one tensor of Gaussian "weights" (sd 0.05,
 * a typical trained-layer scale) big enough to cover the requested bits in the given format.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /**
     * An image of one tensor {@code "weights"} with shape {@code [1, n]}, {@code n} the fewest
     * values that cover {@code bits}, laid out sequentially in {@code geometry}.
     */
    public static DramImage gaussian(FormatSpec format, long bits, long seed, DramGeometry geometry) {
        long values = requireFits(format, bits, geometry);
        float[] w = new float[(int) values];
        SplittableRandom r = Seeds.stream(seed, 0x5EED);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.05 * gaussian(r));
        }
        return DramImage.builder(new SequentialPlacement(geometry))
                .add("weights", new int[] {1, w.length}, w, format)
                .build();
    }

    /**
     * The values of {@code format} that cover {@code bits}, when they fit one array and {@code geometry}.
     *
     * @throws IllegalArgumentException {@code N bits do not fit: need 1 .. M bits} when they do not
     */
    public static long requireFits(FormatSpec format, long bits, DramGeometry geometry) {
        long values = (bits + format.bitsPerValue() - 1) / format.bitsPerValue();
        if (bits <= 0 || values > Integer.MAX_VALUE - 64 || bits / 8 > geometry.capacityBytes()) {
            throw new IllegalArgumentException(bits + " bits do not fit: need 1 .. "
                    + Math.min(8 * geometry.capacityBytes(), 8L * (Integer.MAX_VALUE - 64)) + " bits");
        }
        return values;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; one of the pair is enough here.
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
