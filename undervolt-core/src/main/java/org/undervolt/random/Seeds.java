package org.undervolt.random;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a master seed and a task's identity.
 *
 * <p>Every random choice in Undervolt comes from a stream named by {@code (master seed, ids...)},
 * for example {@code (seed, berIndex, trial)}, never from the order in which tasks happen to run.
 * That is what makes single-threaded, multi-threaded and Spark runs bit-identical.
 *
 * <p>The mixing function is the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), applied once per id so that {@code (1, 2)} and
 * {@code (2, 1)} give unrelated streams.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A 64-bit seed derived from the master seed and the ids, in order. */
    public static long derive(long master, long... ids) {
        long h = mix(master + GOLDEN_GAMMA);
        for (long id : ids) {
            h = mix(h ^ mix(id + GOLDEN_GAMMA));
            h += GOLDEN_GAMMA;
        }
        return mix(h);
    }

    /** A fresh generator for the stream named by the master seed and the ids. */
    public static SplittableRandom stream(long master, long... ids) {
        return new SplittableRandom(derive(master, ids));
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
