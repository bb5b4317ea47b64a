package org.undervolt.io;

/** The SHA-256 of bytes as lower-case hex: how a file's content enters a run's identity or provenance. */
public final class Sha256 {
    private Sha256() {
    }

    /** The SHA-256 of {@code bytes}, 64 hex digits. */
    public static String hex(byte[] bytes) {
        return Digests.hex("SHA-256", bytes);
    }
}
