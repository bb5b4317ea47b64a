package org.undervolt.reliability;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Damage of the kinds real files suffer (bit rot, truncation, a stray byte, a clobbered header
 * field, a spliced block), drawn from a seeded stream so a failing case can be replayed from its
 * indices alone.
 */
final class Mutations {
    /** Header-field values that break naive size arithmetic. */
    private static final int[] EXTREMES = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0x7FFFFFF8, 0x10000, 0xFFFF};

    private Mutations() {
    }

    static byte[] mutate(byte[] seed, SplittableRandom rng) {
        byte[] b = seed.clone();
        int rounds = 1 + rng.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            b = once(b, rng);
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom rng) {
        if (b.length == 0) {
            return new byte[] {(byte) rng.nextInt(256)};
        }
        int at = rng.nextInt(b.length);
        switch (rng.nextInt(8)) {
            case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
            case 1 -> b[at] = (byte) rng.nextInt(256);
            case 2 -> b = Arrays.copyOf(b, at);
            case 3 -> {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) "0123456789-.,e\n\" {}<>:#x".charAt(rng.nextInt(24));
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            }
            case 4 -> {
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                b = c;
            }
            case 5 -> {
                int v = EXTREMES[rng.nextInt(EXTREMES.length)];
                int p = Math.min(at & ~3, Math.max(0, b.length - 4));
                for (int i = 0; i < 4 && p + i < b.length; i++) {
                    b[p + i] = (byte) (v >>> (24 - 8 * i));
                }
            }
            case 6 -> {
                int len = 1 + rng.nextInt(Math.min(64, b.length));
                int from = rng.nextInt(b.length - len + 1);
                byte[] c = new byte[b.length + len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, from, c, at, len);
                System.arraycopy(b, at, c, at + len, b.length - at);
                b = c;
            }
            default -> {
                int len = Math.min(b.length - at, 1 + rng.nextInt(16));
                for (int i = 0; i < len; i++) {
                    b[at + i] = (byte) rng.nextInt(256);
                }
            }
        }
        return b;
    }
}
