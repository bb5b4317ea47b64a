package org.undervolt.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A message digest of bytes as lower-case hex: {@link Sha256} for run identities, MD5 for published data files. */
public final class Digests {
    private Digests() {
    }

    /**
     * The digest {@code algorithm} of {@code bytes} as lower-case hex.
     *
     * @param algorithm one every Java platform provides ({@code MD5}, {@code SHA-256}, ...; {@link MessageDigest})
     */
    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK (every Java platform must provide it)", e);
        }
    }
}
