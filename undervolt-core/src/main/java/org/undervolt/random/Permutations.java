package org.undervolt.random;

import java.util.SplittableRandom;

/** Random orders drawn from a seeded stream, so the same stream gives the same order. */
public final class Permutations {
    private Permutations() {
    }

    /**
     * A uniformly random permutation of {@code 0..n-1} (Fisher–Yates, Knuth TAOCP vol. 2, Algorithm P), drawing
     * {@code n - 1} integers from {@code rng}, from the last position down.
     */
    public static int[] random(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
